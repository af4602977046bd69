import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const prefixSums: LibraryEntry = {
  name: "prefix-sums",
  file: "prefix-sums.pram",
  summary: "inclusive prefix sums, Hillis–Steele doubling (P = n, O(log n), EREW)",
  reference: (x) => {
    let s = 0;
    return x.map((v) => (s += v));
  },
  inputs: (n) => valuesOf(n, 0, 15),
  testSizes: [1, 2, 3, 5, 8, 13, 16],
};
