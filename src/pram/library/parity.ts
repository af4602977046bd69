import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const parity: LibraryEntry = {
  name: "parity",
  file: "parity.pram",
  summary: "parity of n bits by an XOR reduction tree (P = n/2, O(log n), EREW)",
  reference: (x) => [x.filter((b) => b === 1).length % 2],
  inputs: (n) => valuesOf(n, 0, 1),
  testSizes: [1, 2, 3, 4, 7, 8, 16, 33],
};
