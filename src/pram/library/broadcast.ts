import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

export const broadcast: LibraryEntry = {
  name: "broadcast",
  file: "broadcast.pram",
  summary: "copy cell 0 into all n cells by doubling (P = n, O(log n), EREW)",
  reference: (x) => x.map(() => x[0]),
  inputs: (n) => valuesOf(n, 0, 15),
  testSizes: [1, 2, 3, 4, 5, 8, 9, 17],
};
