import { bitonicSort } from "./bitonicSort.js";
import { bracketMatching } from "./bracketMatching.js";
import { broadcast } from "./broadcast.js";
import { compaction } from "./compaction.js";
import { connectedComponents } from "./connectedComponents.js";
import { insertionSort } from "./insertionSort.js";
import type { LibraryEntry } from "./libraryEntry.js";
import { listRanking } from "./listRanking.js";
import { matrixMultiply } from "./matrixMultiply.js";
import { max } from "./max.js";
import { parity } from "./parity.js";
import { prefixSums } from "./prefixSums.js";
import { sum } from "./sum.js";

/** The program library, in the order `apmdm pram list` shows it. */
export const library: readonly LibraryEntry[] = [
  prefixSums,
  sum,
  max,
  parity,
  broadcast,
  compaction,
  listRanking,
  connectedComponents,
  bitonicSort,
  bracketMatching,
  matrixMultiply,
  insertionSort,
];
