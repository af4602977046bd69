import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const sum: LibraryEntry = {
  name: "sum",
  file: "sum.pram",
  summary: "sum by a reduction tree (P = n/2, O(log n), O(n) work, EREW)",
  reference: (x) => [x.reduce((s, v) => s + v, 0)],
  inputs: (n) => valuesOf(n, 0, 15),
  testSizes: [1, 2, 3, 4, 7, 8, 16, 33],
};
