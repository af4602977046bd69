import { isValidAt } from "../pram/isValidAt.js";
import type { PramProgram } from "../pram/pramProgram.js";

/** The powers of two 1, 2, 4, … ≤ maxN at which the program is valid (its `.valid` holds). */
export function plotSizes(program: PramProgram, maxN: number): number[] {
  const sizes: number[] = [];
  for (let n = 1; n <= maxN; n *= 2) if (isValidAt(program, n)) sizes.push(n);
  return sizes;
}
