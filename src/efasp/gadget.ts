import { match } from "ts-pattern";
import { type Affine, combine } from "./affine.js";
import { EfaspError } from "./EfaspError.js";
import type { Comparison, LocalFeature } from "./feature.js";

/** A one-hidden-layer ReLU block: f = Σ_u weight_u · ReLU(input_u(x)) + bias. */
export interface Gadget {
  readonly units: readonly { readonly input: Affine; readonly weight: number }[];
  readonly bias: number;
}

const unit = (input: Affine, weight: number) => ({ input, weight });
const shift = (a: Affine, c: number): Affine => combine([[1, a]], c);
const neg = (a: Affine): Affine => combine([[-1, a]], 0);

/**
 * [d ≥ 1] for an integer d: ReLU(d) − ReLU(d − 1) is 0 for d ≤ 0 and 1 for d ≥ 1 (exactly, on integers).
 * Every comparison is one such step (or two, for equality) of an integer difference.
 */
const atLeastOne = (d: Affine, weight: number) => [unit(d, weight), unit(shift(d, -1), -weight)];

/** Identity on an integer x ≥ lo: x = ReLU(x − lo) + lo. */
const pass = (x: Affine, lo: number) => ({ units: [unit(shift(x, -lo), 1)], bias: lo });

/**
 * The MLP gadget of a non-linear local feature, over its inputs' affine forms. Each is exact on integer
 * inputs within their declared bounds (which the evaluator checks):
 *  - relu:    ReLU(x).
 *  - compare: with d = b − a: a<b = [d ≥ 1]; a≤b = [d+1 ≥ 1]; a>b = [−d ≥ 1]; a≥b = [1−d ≥ 1];
 *             a=b = [d+1 ≥ 1] − [d ≥ 1]; a≠b = 1 − (a=b).
 *  - select:  c·x + (1−c)·y = y + ReLU(z − B(1−c)) − ReLU(−z − B(1−c)), z = x − y, B ≥ |z|: for c = 1
 *             the two units give ReLU(z) − ReLU(−z) = z; for c = 0 both arguments are ≤ 0. y itself is
 *             ReLU(y − y.lo) + y.lo.
 *  - min:     a − ReLU(a − b);  max: a + ReLU(b − a)  (a passed through as above).
 *  - lookup:  the piecewise-linear interpolation of the table over x ∈ [base, base + len): table[0] +
 *             Σ_k (s_k − s_{k−1})·ReLU(x − base − k + 1) with slopes s_k = table[k] − table[k−1], s_0 = 0;
 *             at x = base + m the sum telescopes to table[m]. Zero slope changes need no unit.
 *  - all:     [Σ bits − (k − 1) ≥ 1] for k bits;  any: [Σ bits ≥ 1].
 */
export function gadget(f: LocalFeature, inputs: readonly Affine[]): Gadget {
  const [a, b] = inputs;
  const diff = () => combine([[1, b], [-1, a]], 0);
  return match(f.op)
    .with({ op: "relu" }, () => ({ units: [unit(a, 1)], bias: 0 }))
    .with({ op: "compare" }, ({ cmp }) => compareGadget(cmp, diff()))
    .with({ op: "select" }, () => {
      const [c, x, y] = inputs;
      const [, fx, fy] = f.inputs;
      const B = Math.max(fx.hi - fy.lo, fy.hi - fx.lo, 0);
      const z = combine([[1, x], [-1, y]], 0);
      const gate = combine([[B, c]], -B); // −B(1 − c)
      const keep = pass(y, fy.lo);
      return { units: [...keep.units, unit(combine([[1, z], [1, gate]], 0), 1), unit(combine([[-1, z], [1, gate]], 0), -1)], bias: keep.bias };
    })
    .with({ op: "min" }, () => {
      const keep = pass(a, f.inputs[0].lo);
      return { units: [...keep.units, unit(combine([[1, a], [-1, b]], 0), -1)], bias: keep.bias };
    })
    .with({ op: "max" }, () => {
      const keep = pass(a, f.inputs[0].lo);
      return { units: [...keep.units, unit(diff(), 1)], bias: keep.bias };
    })
    .with({ op: "lookup" }, ({ table, base }) => {
      const units = [];
      for (let k = 1; k < table.length; k++) {
        const change = table[k] - table[k - 1] - (k >= 2 ? table[k - 1] - table[k - 2] : 0);
        if (change !== 0) units.push(unit(shift(a, -(base + k - 1)), change));
      }
      return { units, bias: table[0] };
    })
    .with({ op: "all" }, () => ({ units: atLeastOne(combine(inputs.map((x) => [1, x] as const), -(inputs.length - 1)), 1), bias: 0 }))
    .with({ op: "any" }, () => ({ units: atLeastOne(combine(inputs.map((x) => [1, x] as const), 0), 1), bias: 0 }))
    .with({ op: "linear" }, { op: "not" }, () => {
      throw new EfaspError(`${f.name}: a ${f.op.op} feature is virtual and needs no gadget`);
    })
    .exhaustive();
}

function compareGadget(cmp: Comparison, d: Affine): Gadget {
  return match(cmp)
    .with("lt", () => ({ units: atLeastOne(d, 1), bias: 0 }))
    .with("le", () => ({ units: atLeastOne(shift(d, 1), 1), bias: 0 }))
    .with("gt", () => ({ units: atLeastOne(neg(d), 1), bias: 0 }))
    .with("ge", () => ({ units: atLeastOne(shift(neg(d), 1), 1), bias: 0 }))
    .with("eq", () => ({ units: [...atLeastOne(shift(d, 1), 1), ...atLeastOne(d, -1)], bias: 0 }))
    .with("ne", () => ({ units: [...atLeastOne(shift(d, 1), -1), ...atLeastOne(d, 1)], bias: 1 }))
    .exhaustive();
}
