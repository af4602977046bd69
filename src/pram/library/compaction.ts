import fc from "fast-check";
import type { LibraryEntry } from "./libraryEntry.js";

export const compaction: LibraryEntry = {
  name: "compaction",
  file: "compaction.pram",
  summary: "keep the nonzero elements in order, then zeros; prefix sums of the keep flags (P = n, O(log n), EREW)",
  reference: (x) => {
    const kept = x.filter((v) => v !== 0);
    return [...kept, ...new Array<number>(x.length - kept.length).fill(0)];
  },
  inputs: (n) => fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })), { minLength: n, maxLength: n }),
  testSizes: [1, 2, 3, 5, 8, 16],
};
