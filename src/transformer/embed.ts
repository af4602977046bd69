import { positionValue } from "./positionValue.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * The residual stream before the first layer, written into x [n, dModel]: x_i = E[token_i], then for each
 * position feature f in config order x_i += φ_f(i, n)·Pos[f] (skipped when φ_f(i, n) = 0: adding ±0 changes
 * nothing). A token outside the vocabulary is a RangeError (callers validate user input first).
 */
export function embed(model: Transformer, tokens: Int32Array, x: Float64Array): void {
  for (let i = 0; i < tokens.length; i++) embedRow(model, tokens, i, x);
}

/** Row i of embed's result, written at x[at ..] (default: row i of x); each entry gets the same additions in the same order. */
export function embedRow(model: Transformer, tokens: Int32Array, i: number, x: Float64Array, at = i * model.config.dModel): void {
  const { config, weights } = model;
  const n = tokens.length;
  const d = config.dModel;
  const t = tokenAt(model, tokens, i);
  x.set(weights.tokenEmbedding.subarray(t * d, (t + 1) * d), at);
  config.positionFeatures.forEach((spec, f) => {
    const phi = positionValue(spec, i, n);
    if (phi === 0) return;
    const row = f * d;
    for (let c = 0; c < d; c++) x[at + c] += phi * weights.positionEmbedding[row + c];
  });
}

/** The token at position i, checked against the vocabulary (a RangeError outside it). */
export function tokenAt(model: Transformer, tokens: Int32Array, i: number): number {
  const V = model.config.vocab.length;
  const t = tokens[i];
  if (!(t >= 0 && t < V)) throw new RangeError(`forward: token ${t} at position ${i} is outside the vocabulary of ${V}`);
  return t;
}
