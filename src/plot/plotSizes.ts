import type { PramProgram } from "../pram/pramProgram.js";
import { validSizes } from "../pram/validSizes.js";

/**
 * The sizes a plot sweeps, ≤ maxN, ascending and lazily: the ladder 1, 2, 3, 4, 6, 8, 12, 16, 24, … (the
 * powers of two and the halfway points 3·2^k, so that a fit has five sizes by n = 6), each moved up to the
 * program's next valid size (validSizes). A program valid only at squares gets 1, 4, 9, 16, 25, 36, …; one
 * valid at 2k² gets 2, 8, 18, 32, 50, ….
 */
export function plotSizes(program: PramProgram, maxN: number): Generator<number> {
  return validSizes(program, ladder(maxN), maxN);
}

function* ladder(maxN: number): Generator<number> {
  yield 1;
  for (let p = 2; p <= maxN; p *= 2) yield* [p, (3 * p) / 2];
}
