import { type Affine, combine } from "./affine.js";
import type { Gadget } from "./gadget.js";
import { stepUnits } from "./stepUnits.js";

/**
 * [Σ bits ≥ k] for bits, as one step of the integer Σ bits − k + 1 (stepUnits): all of m bits is k = m,
 * any is k = 1.
 */
export function thresholdGadget(bits: readonly Affine[], k: number): Gadget {
  return { units: stepUnits(combine(bits.map((b) => [1, b] as const), 1 - k), 1), bias: 0 };
}
