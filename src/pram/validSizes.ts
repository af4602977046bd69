import { isValidAt } from "./isValidAt.js";
import type { PramProgram } from "./pramProgram.js";

/**
 * For each target (ascending), the smallest n ≥ it and above the previous size taken at which the program
 * is valid (its `.valid` holds), while ≤ maxN: the sizes a sweep can run, as close to its targets as the
 * program allows.
 */
export function validSizes(program: PramProgram, targets: readonly number[], maxN: number): number[] {
  const sizes: number[] = [];
  for (const target of targets) {
    let n = Math.max(target, (sizes.at(-1) ?? 0) + 1);
    while (n <= maxN && !isValidAt(program, n)) n++;
    if (n <= maxN) sizes.push(n);
  }
  return sizes;
}
