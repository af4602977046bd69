import { buildCircuit } from "../buildCircuit.js";
import { countBits } from "./arithmetic.js";
import { circuitEntry } from "./circuitEntry.js";

/** Binomial(n, 1/2): the number of ones among n fair bits, by a tree of ripple adders, most significant bit first. */
export const binomialCount = circuitEntry({
  name: "binomial",
  summary: "Binomial(n, 1/2) in binary: n random bits added by a tree of ripple-carry adders",
  minN: 1,
  maxN: 1024,
  sweep: [1, 2, 4, 8, 16, 32],
  make(n) {
    const b = buildCircuit(`binomial n=${n}`);
    const count = countBits(b, Array.from({ length: n }, (_, i) => b.rand(`x${i + 1}`)));
    return b.finish([...count].reverse());
  },
});
