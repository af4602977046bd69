import { type Affine, combine } from "./affine.js";
import type { GadgetUnit } from "./gadget.js";

/**
 * weight·[d ≥ 1] for an integer d, as two hidden units: ReLU(d) − ReLU(d − 1) is 0 for d ≤ 0 (both zero)
 * and 1 for d ≥ 1 (d − (d − 1)), exactly. Every comparison and threshold is one such step of an integer.
 */
export function stepUnits(d: Affine, weight: number): GadgetUnit[] {
  return [
    { input: d, weight },
    { input: combine([[1, d]], -1), weight: -weight },
  ];
}
