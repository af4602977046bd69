import { csrOf } from "./sparseMatmul.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Which residual columns a layer reads and which it writes, read off its weights at run time (the runtime
 * knows nothing of the program; a dense model reads and writes every column). A column the layer does not
 * write leaves it as it came in, up to the sign of a zero: forward adds Σ_h a_h·Wo_h (+0 there: every product
 * meets a zero weight, and a sum from +0 of ±0 terms is +0) and then y + b2 (+0 + ±0 = +0), so x becomes x + 0.
 */
export interface LayerPlan {
  /** Columns some head reads: rows of Wq, Wk or Wv with a non-zero entry, increasing. */
  readonly headReads: Int32Array;
  /** Columns the layer writes: a non-zero in a column of some Wo_h, of W2, or in b2; increasing. */
  readonly writes: Int32Array;
  /** Per head, the columns of its Wo with a non-zero entry (those its output reaches). */
  readonly headWrites: readonly Int32Array[];
  /** Every column whose input value the layer uses: headReads, rows of W1 with a non-zero, writes. */
  readonly reads: Int32Array;
  /** W2 by written column (CSC over writes): slot w's non-zeros are w2Row/w2Val[w2Start[w] .. w2Start[w + 1]), rows increasing. */
  readonly w2Start: Int32Array;
  readonly w2Row: Int32Array;
  readonly w2Val: Float64Array;
}

export function layerPlans(model: Transformer): LayerPlan[] {
  const { config, weights } = model;
  const d = config.dModel;
  return config.layers.map((layer, l) => {
    const lw = weights.layers[l];
    const headReads = new Set<number>();
    const writes = new Set<number>();
    const headWrites = layer.heads.map(({ dQK, dV }, h) => {
      const hw = lw.heads[h];
      for (const [w, cols] of [[hw.wq, dQK], [hw.wk, dQK], [hw.wv, dV]] as const) for (const r of csrOf(w, d, cols).rows) headReads.add(r);
      const cols = nonZeroColumns(hw.wo, dV, d);
      for (const c of cols) writes.add(c);
      return cols;
    });
    for (const c of nonZeroColumns(lw.w2, layer.mlpHidden, d)) writes.add(c);
    for (let c = 0; c < d; c++) if (lw.b2[c] !== 0) writes.add(c);
    const mlpReads = csrOf(lw.w1, d, layer.mlpHidden).rows;
    const reads = new Set([...headReads, ...mlpReads, ...writes]);
    const written = sorted(writes);
    const H = layer.mlpHidden;
    const w2Start = new Int32Array(written.length + 1);
    const w2Row: number[] = [];
    const w2Val: number[] = [];
    written.forEach((c, w) => {
      for (let u = 0; u < H; u++) {
        if (lw.w2[u * d + c] === 0) continue;
        w2Row.push(u);
        w2Val.push(lw.w2[u * d + c]);
      }
      w2Start[w + 1] = w2Row.length;
    });
    return { headReads: sorted(headReads), writes: written, headWrites, reads: sorted(reads), w2Start, w2Row: Int32Array.from(w2Row), w2Val: Float64Array.from(w2Val) };
  });
}

/** The columns of an [rows, cols] matrix with a non-zero entry, increasing. */
export function nonZeroColumns(w: Float64Array, rows: number, cols: number): Int32Array {
  const found: number[] = [];
  for (let c = 0; c < cols; c++) {
    let any = false;
    for (let r = 0; r < rows && !any; r++) any = w[r * cols + c] !== 0;
    if (any) found.push(c);
  }
  return Int32Array.from(found);
}

const sorted = (s: Set<number>): Int32Array => Int32Array.from(s).sort();
