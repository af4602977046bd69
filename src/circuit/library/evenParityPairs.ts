import { buildCircuit } from "../buildCircuit.js";
import { circuitEntry } from "./circuitEntry.js";

/**
 * Uniform n-bit strings of even parity in depth 1: n fair bits r and x_i = r_i ⊕ r_{i+1 mod n}. The map
 * r ↦ x is linear, onto the even-parity strings and two-to-one (r and its complement), so x is uniform.
 */
export const evenParityPairs = circuitEntry({
  name: "even-parity-pairs",
  summary: "uniform n-bit strings of even parity in depth 1: x_i = r_i XOR r_(i+1 mod n) of n random bits",
  minN: 2,
  maxN: 4096,
  sweep: [2, 4, 8, 16, 32, 64],
  make(n) {
    const b = buildCircuit(`even-parity-pairs n=${n}`);
    const r = Array.from({ length: n }, (_, i) => b.rand(`r${i + 1}`));
    return b.finish(r.map((ri, i) => b.xor(ri, r[(i + 1) % n], `x${i + 1}`)));
  },
});
