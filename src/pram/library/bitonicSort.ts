import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const bitonicSort: LibraryEntry = {
  name: "bitonic-sort",
  file: "bitonic-sort.pram",
  summary: "Batcher's bitonic sorting network, n a power of 2 (P = n/2, O(log² n), EREW)",
  reference: (x) => [...x].sort((a, b) => a - b),
  inputs: (n) => valuesOf(n, 0, 15),
  testSizes: [2, 4, 8, 16, 32],
};
