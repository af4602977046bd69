import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const insertionSort: LibraryEntry = {
  name: "insertion-sort",
  file: "insertion-sort.pram",
  summary: "serial insertion sort, P = 1 (the sequential baseline: T = O(n²) on reversed inputs)",
  reference: (x) => [...x].sort((a, b) => a - b),
  inputs: (n) => valuesOf(n, -8, 7),
  testSizes: [1, 2, 3, 5, 8, 12],
};
