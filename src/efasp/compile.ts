import { type Allocation, allocate } from "./allocate.js";
import { emit } from "./emit.js";
import type { EfaspProgram } from "./efaspProgram.js";
import { type Schedule, schedule } from "./schedule.js";
import { validate } from "./validate.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { parameterCount } from "../transformer/parameterCount.js";

export interface CompileReport {
  readonly layers: number;
  readonly heads: number;
  readonly width: number;
  readonly mlpUnits: number;
  readonly params: number;
}

export interface Compiled {
  readonly model: Transformer;
  /** Where each feature lives: its residual dimension, or the affine form of a virtual (linear) feature. */
  readonly layout: Allocation;
  /** Which layer computes each head and each non-linear local feature. */
  readonly schedule: Schedule;
  readonly report: CompileReport;
}

/** compile = validate ▷ allocate ▷ schedule ▷ emit: an E-FASP program as transformer weights computing it exactly. */
export function compile(program: EfaspProgram): Compiled {
  const order = validate(program);
  const layout = allocate(order);
  const plan = schedule(order);
  const model = emit(program, layout, plan);
  const layers = model.config.layers;
  return {
    model,
    layout,
    schedule: plan,
    report: {
      layers: layers.length,
      heads: layers.reduce((s, l) => s + l.heads.length, 0),
      width: model.config.dModel,
      mlpUnits: layers.reduce((s, l) => s + l.mlpHidden, 0),
      params: parameterCount(model.weights),
    },
  };
}
