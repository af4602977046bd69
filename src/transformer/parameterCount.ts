import type { TransformerWeights } from "./transformerWeights.js";

/** The number of weights and biases in a model (every entry of every tensor). */
export function parameterCount(w: TransformerWeights): number {
  let count = w.tokenEmbedding.length + w.positionEmbedding.length + w.tokenHead.length + w.tokenBias.length;
  for (const l of w.layers) {
    count += l.w1.length + l.b1.length + l.w2.length + l.b2.length;
    for (const h of l.heads) count += h.wq.length + h.wk.length + h.wv.length + h.wo.length;
  }
  return count + (w.controlHead?.length ?? 0) + (w.controlBias?.length ?? 0);
}
