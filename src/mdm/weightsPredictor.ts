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
  const prediction = new Int32Array(n).fill(-1);
  const control = session.model.config.control ? ([new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)] as const) : null;
  const ties = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (outputs && outputs[i] !== 1) continue;
    prediction[i] = logits.argmax[i];
    const tied = logits.tied(i);
    if (tied.length > 1) ties.set(i, tied.slice());
    if (!control) continue;
    const c = logits.controlLogits(i)!;
    for (let k = 0; k < 3; k++) control[k][i] = c[k] > 0 ? 1 : 0;
  }
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
