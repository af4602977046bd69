import { type Affine, combine } from "./affine.js";
import type { Gadget } from "./gadget.js";

/** x itself, for x ≥ lo, as one hidden unit: ReLU(x − lo) + lo = x exactly, since x − lo ≥ 0. */
export function passThrough(x: Affine, lo: number): Gadget {
  return { units: [{ input: combine([[1, x]], -lo), weight: 1 }], bias: lo };
}
