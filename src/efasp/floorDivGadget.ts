import { type Affine, combine } from "./affine.js";
import type { Gadget, GadgetUnit } from "./gadget.js";
import { stepUnits } from "./stepUnits.js";

/**
 * floor(a / b) for integers a and b ≥ 1 whose quotient q lies in [lo, hi] (the feature's bounds):
 * q = lo + Σ_{k=lo+1}^{hi} [k·b ≤ a]. For b ≥ 1, k·b ≤ a ⇔ k ≤ a/b ⇔ k ≤ q, so the indicator is 1 exactly
 * for the k ∈ (lo, q] (q − lo of them) and the sum is q. Each indicator is a step of the integer
 * a − k·b + 1 (stepUnits: [d ≥ 1] with d = a − kb + 1), so the gadget is exact, with 2(hi − lo) units:
 * a "compare ladder" over the bounded quotient range. Pre-activations stay within |a| + max(|lo|, |hi|)·b.
 */
export function floorDivGadget(a: Affine, b: Affine, lo: number, hi: number): Gadget {
  const units: GadgetUnit[] = [];
  for (let k = lo + 1; k <= hi; k++) units.push(...stepUnits(combine([[1, a], [-k, b]], 1), 1));
  return { units, bias: lo };
}
