import { buildCircuit } from "../buildCircuit.js";
import { reduceTree } from "./arithmetic.js";
import { circuitEntry } from "./circuitEntry.js";

/** Uniform n-bit strings of even parity: n − 1 fair bits and their parity by a balanced XOR tree (depth ⌈log₂(n − 1)⌉). */
export const evenParity = circuitEntry({
  name: "even-parity",
  summary: "uniform n-bit strings of even parity: n−1 random bits, the last their XOR (a tree)",
  minN: 2,
  maxN: 4096,
  sweep: [2, 3, 5, 9, 17, 33, 65],
  make(n) {
    const b = buildCircuit(`even-parity n=${n}`);
    const x = Array.from({ length: n - 1 }, (_, i) => b.rand(`x${i + 1}`));
    return b.finish([...x, reduceTree(x, (p, q) => b.xor(p, q))]);
  },
});
