import { match } from "ts-pattern";
import type { Affine } from "./affine.js";
import { compareGadget } from "./compareGadget.js";
import { EfaspError } from "./EfaspError.js";
import type { LocalFeature } from "./feature.js";
import { floorDivGadget } from "./floorDivGadget.js";
import { lookupGadget } from "./lookupGadget.js";
import { maxGadget } from "./maxGadget.js";
import { minGadget } from "./minGadget.js";
import { reluGadget } from "./reluGadget.js";
import { selectGadget } from "./selectGadget.js";
import { thresholdGadget } from "./thresholdGadget.js";

/** One hidden ReLU unit: weight · ReLU(input(x)), the input an affine form over residual dimensions. */
export interface GadgetUnit {
  readonly input: Affine;
  readonly weight: number;
}

/** A one-hidden-layer ReLU block: f = Σ_u weight_u · ReLU(input_u(x)) + bias. */
export interface Gadget {
  readonly units: readonly GadgetUnit[];
  readonly bias: number;
}

/**
 * The MLP gadget of a non-linear local feature, over its inputs' affine forms. Each gadget (one file each,
 * with its proof) is exact on integer inputs within their declared bounds, which the evaluator checks.
 */
export function gadget(f: LocalFeature, inputs: readonly Affine[]): Gadget {
  const [a, b, c] = inputs;
  const [fa, fb, fc] = f.inputs;
  return match(f.op)
    .with({ op: "relu" }, () => reluGadget(a))
    .with({ op: "compare" }, ({ cmp }) => compareGadget(cmp, a, b))
    .with({ op: "select" }, () => selectGadget(a, b, c, fb, fc))
    .with({ op: "min" }, () => minGadget(a, b, fa.lo))
    .with({ op: "max" }, () => maxGadget(a, b, fa.lo))
    .with({ op: "lookup" }, ({ table, base }) => lookupGadget(a, table, base))
    .with({ op: "floorDiv" }, () => floorDivGadget(a, b, f.lo, f.hi))
    .with({ op: "all" }, () => thresholdGadget(inputs, inputs.length))
    .with({ op: "any" }, () => thresholdGadget(inputs, 1))
    .with({ op: "linear" }, { op: "not" }, () => {
      throw new EfaspError(`${f.name}: a ${f.op.op} feature is virtual and needs no gadget`);
    })
    .exhaustive();
}
