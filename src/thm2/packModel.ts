import { maxOf } from "../minMax.js";
import { positionValue } from "../transformer/positionValue.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { type SparseRows, sparseRows } from "./sparseRows.js";

/** Where one sparse matrix lies in memory (see SparseRows): active rows, their starts, columns, values. */
export interface SparseBlock {
  readonly rows: number;
  readonly starts: number;
  readonly cols: number;
  readonly values: number;
  /** Active rows and stored entries: the program's loop counts. */
  readonly active: number;
  readonly entries: number;
}

export interface HeadLayout {
  readonly dQK: number;
  readonly dV: number;
  readonly wq: SparseBlock;
  readonly wk: SparseBlock;
  readonly wv: SparseBlock;
  readonly wo: SparseBlock;
}

export interface LayerLayout {
  readonly heads: readonly HeadLayout[];
  readonly mlpHidden: number;
  readonly w1: SparseBlock;
  readonly b1: number;
  readonly w2: SparseBlock;
  /** b2's non-zero entries: columns at `b2Cols`, values at `b2Values`, `b2Entries` of them. */
  readonly b2Cols: number;
  readonly b2Values: number;
  readonly b2Entries: number;
}

/**
 * The PRAM(1) program's memory (docs/theorem2.md, "Memory"). The input, cells 0 … inputLength − 1, holds
 * the canvas, the position-feature table Φ[i, f] = φ_f(i, N), the token embedding (dense) and every other
 * weight (sparse, biases dense); the scratch above it starts at zero.
 */
export interface Thm2Layout {
  /** Canvas length N (the context S), width d, vocabulary V, position features F. */
  readonly N: number;
  readonly d: number;
  readonly V: number;
  readonly F: number;
  readonly mask: number;
  readonly causal: boolean;
  readonly canvas: number;
  readonly phi: number;
  readonly embedding: number;
  readonly position: SparseBlock;
  readonly layers: readonly LayerLayout[];
  readonly tokenHead: SparseBlock;
  readonly tokenBias: number;
  /**
   * Scratch: residual X [N, d], the heads' sum Δ [N, d] (zero between layers), Q [N, dQK], each key's row
   * k_j ‖ v_j and its score [N, dQK + dV] (a key loop walks one pointer), averages [N, dV], MLP hidden
   * [N, H], logits [V]; widths are the widest head's.
   */
  readonly x: number;
  readonly delta: number;
  readonly q: number;
  readonly kv: number;
  readonly scores: number;
  readonly avg: number;
  readonly hidden: number;
  readonly logits: number;
  /** The output region: status, decoding steps, divisions, then the final canvas [N]. */
  readonly output: number;
  readonly outputLength: number;
  readonly inputLength: number;
  readonly memory: number;
}

export interface PackedModel {
  readonly layout: Thm2Layout;
  /** The program's input: memory cells 0 … inputLength − 1. */
  readonly input: number[];
}

/** Lays out the model and canvas in memory and writes the input. The model is assumed validated (integers). */
export function packModel(model: Transformer, canvas: Int32Array): PackedModel {
  const { config, weights } = model;
  const N = canvas.length;
  const d = config.dModel;
  const V = config.vocab.length;
  const F = config.positionFeatures.length;
  const input: number[] = [];
  const put = (values: ArrayLike<number>): number => {
    const at = input.length;
    for (let e = 0; e < values.length; e++) input.push(values[e]);
    return at;
  };
  const sparse = (w: Float64Array, rows: number, cols: number): SparseBlock => {
    const s: SparseRows = sparseRows(w, rows, cols);
    return { rows: put(s.rows), starts: put(s.starts), cols: put(s.cols), values: put(s.values), active: s.rows.length, entries: s.cols.length };
  };
  const canvasAt = put(canvas);
  const phi: number[] = [];
  for (let i = 0; i < N; i++) for (const spec of config.positionFeatures) phi.push(positionValue(spec, i, N));
  const phiAt = put(phi);
  const embedding = put(weights.tokenEmbedding);
  const position = sparse(weights.positionEmbedding, F, d);
  const layers = config.layers.map((l, li): LayerLayout => {
    const lw = weights.layers[li];
    const heads = l.heads.map(({ dQK, dV }, h): HeadLayout => {
      const hw = lw.heads[h];
      return { dQK, dV, wq: sparse(hw.wq, d, dQK), wk: sparse(hw.wk, d, dQK), wv: sparse(hw.wv, d, dV), wo: sparse(hw.wo, dV, d) };
    });
    const H = l.mlpHidden;
    const b2 = sparseRows(lw.b2, 1, d);
    return { heads, mlpHidden: H, w1: sparse(lw.w1, d, H), b1: put(lw.b1), w2: sparse(lw.w2, H, d), b2Cols: put(b2.cols), b2Values: put(b2.values), b2Entries: b2.cols.length };
  });
  const tokenHead = sparse(weights.tokenHead, d, V);
  const tokenBias = put(weights.tokenBias);
  const inputLength = input.length;
  let top = inputLength;
  const scratch = (size: number): number => {
    const at = top;
    top += size;
    return at;
  };
  const heads = config.layers.flatMap((l) => l.heads);
  const dQK = maxOf(heads.map((h) => h.dQK), 0);
  const dV = maxOf(heads.map((h) => h.dV), 0);
  const kvWidth = maxOf(heads.map((h) => h.dQK + h.dV), 0);
  const H = maxOf(config.layers.map((l) => l.mlpHidden), 0);
  const layout: Thm2Layout = {
    N,
    d,
    V,
    F,
    mask: config.maskToken,
    causal: config.causal,
    canvas: canvasAt,
    phi: phiAt,
    embedding,
    position,
    layers,
    tokenHead,
    tokenBias,
    x: scratch(N * d),
    delta: scratch(N * d),
    q: scratch(N * dQK),
    kv: scratch(N * kvWidth),
    scores: scratch(N * kvWidth),
    avg: scratch(N * dV),
    hidden: scratch(N * H),
    logits: scratch(V),
    output: scratch(3 + N),
    outputLength: 3 + N,
    inputLength,
    memory: top,
  };
  return { layout, input };
}
