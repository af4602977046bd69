import { buildCircuit, type Wire } from "../buildCircuit.js";
import { circuitEntry } from "./circuitEntry.js";

/**
 * A truncated geometric variable, one-hot: y_i = x_i ∧ ¬(x_1 ∨ … ∨ x_{i−1}) over n fair bits (all zero when
 * no bit is set). The prefix ORs come from a Sklansky prefix network: depth ⌈log₂ n⌉ + 2.
 */
export const firstOne = circuitEntry({
  name: "first-one",
  summary: "one-hot position of the first 1 among n random bits (geometric), prefix ORs in log depth",
  minN: 1,
  maxN: 1024,
  sweep: [1, 2, 4, 8, 16, 32],
  make(n) {
    const b = buildCircuit(`first-one n=${n}`);
    const x = Array.from({ length: n }, (_, i) => b.rand(`x${i + 1}`));
    const prefix: Wire[] = [...x];
    for (let span = 1; span < n; span *= 2) {
      for (let i = 0; i < n; i++) if (i & span) prefix[i] = b.or(prefix[(i & ~(span - 1)) - 1], prefix[i]);
    }
    return b.finish(x.map((xi, i) => (i === 0 ? xi : b.and(xi, b.not(prefix[i - 1])))));
  },
});
