import { match } from "ts-pattern";
import { type Affine, combine } from "./affine.js";
import type { Comparison } from "./feature.js";
import type { Gadget } from "./gadget.js";
import { stepUnits } from "./stepUnits.js";

/**
 * [a cmp b] for integers a, b, with d = b − a an integer: a < b = [d ≥ 1]; a ≤ b = [d + 1 ≥ 1];
 * a > b = [−d ≥ 1]; a ≥ b = [1 − d ≥ 1]; a = b = [d + 1 ≥ 1] − [d ≥ 1] (1 only at d = 0);
 * a ≠ b = 1 − (a = b). Each step is exact on integers (stepUnits), so each comparison is 0 or 1 exactly.
 */
export function compareGadget(cmp: Comparison, a: Affine, b: Affine): Gadget {
  const d = combine([[1, b], [-1, a]], 0);
  const plus = (c: number, x: Affine) => combine([[1, x]], c);
  const minus = combine([[-1, d]], 0);
  return match(cmp)
    .with("lt", () => ({ units: stepUnits(d, 1), bias: 0 }))
    .with("le", () => ({ units: stepUnits(plus(1, d), 1), bias: 0 }))
    .with("gt", () => ({ units: stepUnits(minus, 1), bias: 0 }))
    .with("ge", () => ({ units: stepUnits(plus(1, minus), 1), bias: 0 }))
    .with("eq", () => ({ units: [...stepUnits(plus(1, d), 1), ...stepUnits(d, -1)], bias: 0 }))
    .with("ne", () => ({ units: [...stepUnits(plus(1, d), -1), ...stepUnits(d, 1)], bias: 1 }))
    .exhaustive();
}
