import { forward } from "../transformer/forward.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { logitPrediction } from "./logitPrediction.js";
import type { Predictor } from "./predictor.js";

/**
 * A transformer as a predictor: one forward pass per call, computing the heads at the requested positions
 * only, decided by logitPrediction (argmax with the lowest id on an exact tie, every tied id, control bits
 * logit > 0).
 */
export function weightsPredictor(model: Transformer): Predictor {
  return {
    vocab: model.config.vocab,
    maskToken: model.config.maskToken,
    predict: (tokens, outputs) => logitPrediction(forward(model, tokens, { outputs }), model.config.vocab.length, tokens.length, outputs),
  };
}
