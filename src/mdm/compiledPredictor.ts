import { compile } from "../efasp/compile.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import { parameterCount } from "../transformer/parameterCount.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Predictor } from "./predictor.js";
import { weightsPredictor } from "./weightsPredictor.js";

/** The shape of a compiled model, as the meters report it. */
export interface ModelShape {
  readonly layers: number;
  readonly heads: number;
  readonly width: number;
  readonly params: number;
}

/**
 * An E-FASP program compiled to weights, as the predictor decoding loops run (each call one forward pass, by
 * `engine`, default incremental).
 */
export function compiledPredictor(program: EfaspProgram, engine: ForwardEngine = "incremental"): { predictor: Predictor; model: Transformer; shape: ModelShape } {
  const { model } = compile(program);
  const cfg = model.config;
  const shape = { layers: cfg.layers.length, heads: cfg.layers.reduce((s, l) => s + l.heads.length, 0), width: cfg.dModel, params: parameterCount(model.weights) };
  return { predictor: weightsPredictor(model, engine), model, shape };
}
