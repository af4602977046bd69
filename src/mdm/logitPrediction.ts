import type { ForwardResult } from "../transformer/forward.js";
import type { Prediction } from "./predictor.js";

/**
 * The decisions of one forward pass over n positions with V tokens: at a requested position the argmax of
 * its token logits (lowest id on an exact tie), `tied` every maximal id, and the AP-MDM control bits
 * logit > 0. Elsewhere the prediction is −1, `tied` is empty and the control bits are 0.
 */
export function logitPrediction(r: ForwardResult, V: number, n: number, outputs?: Uint8Array): Prediction {
  const logits = r.tokenLogits;
  const prediction = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
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
  const bits = (k: number) => Uint8Array.from({ length: n }, (_, i) => (c![i * 3 + k] > 0 ? 1 : 0));
  const control = c ? ([bits(0), bits(1), bits(2)] as const) : null;
  return { prediction, tied, control, flops: r.meter.flops, work: r.meter.work, fullPasses: r.meter.fullPasses, margins: { attention: r.meter.minAttentionMargin, logit: r.meter.minLogitMargin } };
}
