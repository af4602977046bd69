import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";
import { maxOf } from "../../minMax.js";

export const max: LibraryEntry = {
  name: "max",
  file: "max.pram",
  summary: "maximum by a reduction tree (P = n/2, O(log n), O(n) work, EREW)",
  reference: (x) => [maxOf(x)],
  inputs: (n) => valuesOf(n, 0, 15),
  testSizes: [1, 2, 3, 4, 7, 8, 16, 33],
};
