import { type Affine, combine } from "./affine.js";
import type { Gadget } from "./gadget.js";
import { passThrough } from "./passThrough.js";

/** min(a, b) = a − ReLU(a − b) (exact: the unit is a − b when a > b, else 0), a passed through from a ≥ aLo. */
export function minGadget(a: Affine, b: Affine, aLo: number): Gadget {
  const keep = passThrough(a, aLo);
  return { units: [...keep.units, { input: combine([[1, a], [-1, b]], 0), weight: -1 }], bias: keep.bias };
}
