import { forward } from "../transformer/forward.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Predictor } from "./predictor.js";

/**
 * A compiled transformer as a predictor: one forward pass per call; the prediction at a requested position
 * is the argmax of its token logits (lowest id on an exact tie), `tied` lists every maximal id, and the
 * AP-MDM control bits are logit > 0. Only the requested positions' logits are computed (elsewhere the
 * prediction is −1, `tied` is empty and the control bits are 0).
 */
export function weightsPredictor(model: Transformer): Predictor {
  const V = model.config.vocab.length;
  return {
    vocab: model.config.vocab,
    maskToken: model.config.maskToken,
    predict(tokens, outputs) {
      const r = forward(model, tokens, { outputs });
      const N = tokens.length;
      const logits = r.tokenLogits;
      const prediction = new Int32Array(N).fill(-1);
      for (let i = 0; i < N; i++) {
        if (outputs && !outputs[i]) continue;
        let best = 0;
        for (let v = 1; v < V; v++) if (logits[i * V + v] > logits[i * V + best]) best = v;
        prediction[i] = best;
      }
      const tied = (i: number): number[] => {
        if (prediction[i] < 0) return [];
        const top = logits[i * V + prediction[i]];
        const ids: number[] = [];
        for (let v = 0; v < V; v++) if (logits[i * V + v] === top) ids.push(v);
        return ids;
      };
      const c = r.controlLogits;
      const control = c
        ? ([0, 1, 2].map((k) => Uint8Array.from({ length: N }, (_, i) => (c[i * 3 + k] > 0 ? 1 : 0))) as [Uint8Array, Uint8Array, Uint8Array])
        : null;
      return { prediction, tied, control, flops: r.meter.flops };
    },
  };
}
