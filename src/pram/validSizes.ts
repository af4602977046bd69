import { isValidAt } from "./isValidAt.js";
import type { PramProgram } from "./pramProgram.js";

/**
 * For each target (ascending), the smallest n ≥ it and above the previous size taken at which the program
 * is valid (its `.valid` holds), while ≤ maxN: the sizes a sweep can run, as close to its targets as the
 * program allows. Lazy, ascending: a caller that stops at a size (a cost estimate past its cap, a refusal)
 * never searches the sizes beyond it — for a program valid only at powers of two, the search up to maxN
 * evaluates `.valid` about maxN / 2 times.
 */
export function* validSizes(program: PramProgram, targets: Iterable<number>, maxN: number): Generator<number> {
  let last = 0;
  for (const target of targets) {
    let n = Math.max(target, last + 1);
    while (n <= maxN && !isValidAt(program, n)) n++;
    if (n > maxN) return;
    yield (last = n);
  }
}
