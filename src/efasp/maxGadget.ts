import { type Affine, combine } from "./affine.js";
import type { Gadget } from "./gadget.js";
import { passThrough } from "./passThrough.js";

/** max(a, b) = a + ReLU(b − a) (exact: the unit is b − a when b > a, else 0), a passed through from a ≥ aLo. */
export function maxGadget(a: Affine, b: Affine, aLo: number): Gadget {
  const keep = passThrough(a, aLo);
  return { units: [...keep.units, { input: combine([[1, b], [-1, a]], 0), weight: 1 }], bias: keep.bias };
}
