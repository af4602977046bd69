import type { PramProgram } from "../pram/pramProgram.js";
import { validSizes } from "../pram/validSizes.js";

/**
 * The sizes a simulation proof sweeps beyond a program's test sizes: the powers of two above `from` and
 * ≤ maxN, each moved up to the program's next valid size (validSizes). They take the check to the sizes
 * the theorems are about (n = 64 and beyond), with one input each.
 */
export function scaleSizes(program: PramProgram, from: number, maxN: number): number[] {
  const powers: number[] = [];
  for (let p = 1; p <= maxN; p *= 2) if (p > from) powers.push(p);
  return [...validSizes(program, powers, maxN)];
}
