import { ForwardSession } from "../transformer/ForwardSession.js";
import { forward } from "../transformer/forward.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { logitPrediction } from "./logitPrediction.js";
import type { Prediction, Predictor } from "./predictor.js";

/**
 * A transformer as a predictor: one forward pass per call, by the given engine (default incremental: a
 * ForwardSession kept across calls, which recomputes what changed since the previous call), computing the
 * heads at the requested positions only, decided by the same rule on every engine: argmax with the lowest
 * id on an exact tie, every tied id, control bits logit > 0.
 */
export function weightsPredictor(model: Transformer, engine: ForwardEngine = "incremental"): Predictor {
  const V = model.config.vocab.length;
  const common = { vocab: model.config.vocab, maskToken: model.config.maskToken };
  if (engine !== "incremental") {
    const dense = engine === "dense";
    return { ...common, predict: (tokens, outputs) => logitPrediction(forward(model, tokens, { outputs, dense }), V, tokens.length, outputs) };
  }
  const session = new ForwardSession(model);
  return { ...common, predict: (tokens, outputs) => sessionPrediction(session, tokens, outputs) };
}

/**
 * logitPrediction's decisions, read from the session's per-position cache and copied out (a Prediction
 * stays valid after later passes, e.g. in memoPredictor's cache).
 */
function sessionPrediction(session: ForwardSession, tokens: Int32Array, outputs: Uint8Array | undefined): Prediction {
  const n = tokens.length;
  const { meter, logits } = session.run(tokens, outputs);
  const wanted = (i: number) => !outputs || outputs[i] === 1;
  const prediction = Int32Array.from({ length: n }, (_, i) => (wanted(i) ? logits.argmax[i] : -1));
  const bit = (k: number) => Uint8Array.from({ length: n }, (_, i) => (wanted(i) && logits.controlLogits(i)![k] > 0 ? 1 : 0));
  const control = session.model.config.control ? ([bit(0), bit(1), bit(2)] as const) : null;
  const ties = new Map<number, number[]>();
  for (let i = 0; i < n; i++) if (wanted(i) && logits.tied(i).length > 1) ties.set(i, logits.tied(i).slice());
  return {
    prediction,
    tied: (i) => ties.get(i)?.slice() ?? (prediction[i] >= 0 ? [prediction[i]] : []),
    control,
    flops: meter.flops,
    work: meter.work,
    fullPasses: meter.fullPasses,
    margins: { attention: meter.minAttentionMargin, logit: meter.minLogitMargin },
  };
}
