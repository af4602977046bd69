import { buildCircuit } from "../buildCircuit.js";
import { addBits } from "./arithmetic.js";
import { circuitEntry } from "./circuitEntry.js";

/** The sum of two independent uniform n-bit numbers (a triangular distribution), by one ripple-carry adder: depth ≈ 2n. */
export const diceSum = circuitEntry({
  name: "dice-sum",
  summary: "the sum of two uniform n-bit numbers (triangular), by a ripple-carry adder: depth grows as n",
  minN: 1,
  maxN: 512,
  sweep: [1, 2, 4, 8, 16],
  make(n) {
    const b = buildCircuit(`dice-sum n=${n}`);
    const x = Array.from({ length: n }, (_, i) => b.rand(`x${i}`));
    const y = Array.from({ length: n }, (_, i) => b.rand(`y${i}`));
    return b.finish([...addBits(b, x, y)].reverse());
  },
});
