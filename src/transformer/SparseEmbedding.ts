import { tokenAt } from "./embed.js";
import { positionValue } from "./positionValue.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * embedRow's result, bit for bit, adding only the non-zero entries of each position-embedding row (a
 * compiled feature writes one or two of d columns). Exact: a skipped term is φ·0 = ±0, and adding ±0 changes
 * no value except −0 + (+0) = +0. A running sum that does not start at −0 never becomes −0 (a non-zero sum
 * that cancels gives +0), so only a column whose token embedding is −0 can tell; those columns (listed per
 * token, usually none) are recomputed with every term, as embedRow does.
 */
export class SparseEmbedding {
  /** Per position feature f, its non-zero entries: columns col[start[f] .. start[f + 1]) and values. */
  private readonly start: Int32Array;
  private readonly col: Int32Array;
  private readonly val: Float64Array;
  /** Per token t, the columns where its embedding is −0: negativeZero[zeroStart[t] .. zeroStart[t + 1]). */
  private readonly zeroStart: Int32Array;
  private readonly negativeZero: Int32Array;
  private readonly phi: Float64Array;

  constructor(private readonly model: Transformer) {
    const { config, weights } = model;
    const d = config.dModel;
    const F = config.positionFeatures.length;
    const V = config.vocab.length;
    const cols: number[] = [];
    const vals: number[] = [];
    this.start = new Int32Array(F + 1);
    for (let f = 0; f < F; f++) {
      for (let c = 0; c < d; c++) {
        const p = weights.positionEmbedding[f * d + c];
        if (p === 0) continue;
        cols.push(c);
        vals.push(p);
      }
      this.start[f + 1] = cols.length;
    }
    this.col = Int32Array.from(cols);
    this.val = Float64Array.from(vals);
    const zeros: number[] = [];
    this.zeroStart = new Int32Array(V + 1);
    for (let t = 0; t < V; t++) {
      for (let c = 0; c < d; c++) if (Object.is(weights.tokenEmbedding[t * d + c], -0)) zeros.push(c);
      this.zeroStart[t + 1] = zeros.length;
    }
    this.negativeZero = Int32Array.from(zeros);
    this.phi = new Float64Array(F);
  }

  /** Row i of the embedding of `tokens`, written at x[at ..] (see embedRow; the same RangeError). */
  row(tokens: Int32Array, i: number, x: Float64Array, at: number): void {
    const { config, weights } = this.model;
    const n = tokens.length;
    const d = config.dModel;
    const t = tokenAt(this.model, tokens, i);
    x.set(weights.tokenEmbedding.subarray(t * d, (t + 1) * d), at);
    const { start, col, val, phi } = this;
    config.positionFeatures.forEach((spec, f) => {
      phi[f] = positionValue(spec, i, n);
      if (phi[f] === 0) return;
      for (let e = start[f]; e < start[f + 1]; e++) x[at + col[e]] += phi[f] * val[e];
    });
    for (let z = this.zeroStart[t]; z < this.zeroStart[t + 1]; z++) {
      const c = this.negativeZero[z];
      let a = -0;
      for (let f = 0; f < phi.length; f++) if (phi[f] !== 0) a += phi[f] * weights.positionEmbedding[f * d + c];
      x[at + c] = a;
    }
  }
}
