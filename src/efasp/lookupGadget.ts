import { type Affine, combine } from "./affine.js";
import type { Gadget, GadgetUnit } from "./gadget.js";

/**
 * table[x − base] for an integer x ∈ [base, base + len): the piecewise-linear interpolation of the table,
 * table[0] + Σ_{k≥1} (s_k − s_{k−1})·ReLU(x − base − k + 1), with slopes s_k = table[k] − table[k−1] and
 * s_0 = 0. At x = base + m the units k ≤ m contribute (s_k − s_{k−1})·(m − k + 1), which telescopes to
 * Σ_{k≤m} s_k = table[m] − table[0]; units k > m are 0. A zero slope change needs no unit.
 */
export function lookupGadget(x: Affine, table: readonly number[], base: number): Gadget {
  const units: GadgetUnit[] = [];
  for (let k = 1; k < table.length; k++) {
    const change = table[k] - table[k - 1] - (k >= 2 ? table[k - 1] - table[k - 2] : 0);
    if (change !== 0) units.push({ input: combine([[1, x]], -(base + k - 1)), weight: change });
  }
  return { units, bias: table[0] };
}
