import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

/** C = A·B for the k×k matrices A = x[0 .. k²-1] and B = x[k² .. 2k²-1], all row-major. */
function product(x: readonly number[]): number[] {
  const k = Math.round(Math.sqrt(x.length / 2));
  const c: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += x[i * k + l] * x[k * k + l * k + j];
      c.push(s);
    }
  }
  return c;
}

export const matrixMultiply: LibraryEntry = {
  name: "matrix-multiply",
  file: "matrix-multiply.pram",
  summary: "product of two k×k matrices given row-major one after the other, n = 2k² (P = k², O(k), CREW)",
  reference: product,
  inputs: (n) => valuesOf(n, -3, 3),
  testSizes: [2, 8, 18, 32, 50],
};
