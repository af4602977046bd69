import type { Affine } from "./affine.js";
import type { Gadget } from "./gadget.js";

/** ReLU(x): one unit, the definition itself. */
export function reluGadget(x: Affine): Gadget {
  return { units: [{ input: x, weight: 1 }], bias: 0 };
}
