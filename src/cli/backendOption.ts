import type { EfaspProgram } from "../efasp/efaspProgram.js";
import { UserError } from "../errors.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { evaluatorPredictor } from "../mdm/evaluatorPredictor.js";
import type { Predictor } from "../mdm/predictor.js";
import type { TransformerConfig } from "../transformer/transformerConfig.js";

/** What `--backend` chooses: the compiled weights (the transformer, each step a forward pass) or the E-FASP evaluator (the reference). */
export type Backend = "weights" | "evaluator";

export const BACKENDS: readonly Backend[] = ["weights", "evaluator"];

/** Checks a `--backend` value. */
export function backendOption(text: string): Backend {
  if (!(BACKENDS as readonly string[]).includes(text)) throw new UserError("cli/options", `--backend must be one of ${BACKENDS.join(", ")}, got '${text}'`);
  return text as Backend;
}

/**
 * The program's compiled model (its config sizes the cost estimate, whichever backend decodes) and the
 * predictor the backend decodes with.
 */
export function backendPredictor(program: EfaspProgram, backend: Backend): { predictor: Predictor; config: TransformerConfig } {
  const compiled = compiledPredictor(program);
  return { predictor: backend === "weights" ? compiled.predictor : evaluatorPredictor(program), config: compiled.model.config };
}
