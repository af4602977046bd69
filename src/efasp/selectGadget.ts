import { type Affine, combine } from "./affine.js";
import type { Bounds } from "./feature.js";
import type { Gadget } from "./gadget.js";
import { passThrough } from "./passThrough.js";

/**
 * c ? x : y for a bit c and integers x, y in their bounds: with z = x − y and B = max(x.hi − y.lo,
 * y.hi − x.lo, 0) ≥ |z|, c·z = ReLU(z − B(1 − c)) − ReLU(−z − B(1 − c)): for c = 1 the units give
 * ReLU(z) − ReLU(−z) = z; for c = 0 both arguments are ≤ 0, so both are 0. Then y + c·z, with y passed
 * through as ReLU(y − y.lo) + y.lo. Every pre-activation is an integer of magnitude ≤ 2B.
 */
export function selectGadget(c: Affine, x: Affine, y: Affine, xb: Bounds, yb: Bounds): Gadget {
  const B = Math.max(xb.hi - yb.lo, yb.hi - xb.lo, 0);
  const z = combine([[1, x], [-1, y]], 0);
  const gate = combine([[B, c]], -B); // −B(1 − c)
  const keep = passThrough(y, yb.lo);
  return {
    units: [...keep.units, { input: combine([[1, z], [1, gate]], 0), weight: 1 }, { input: combine([[-1, z], [1, gate]], 0), weight: -1 }],
    bias: keep.bias,
  };
}
