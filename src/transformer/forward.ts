import { attendHead } from "./attendHead.js";
import { denseMatmul } from "./denseMatmul.js";
import { embed } from "./embed.js";
import type { Matmul } from "./matmul.js";
import { assertFinite } from "./NonFiniteError.js";
import { sparseMatmul } from "./sparseMatmul.js";
import type { Transformer } from "./transformerWeights.js";
import { maxOf } from "../minMax.js";

export interface ForwardOptions {
  /** Positions whose logits are needed (default: all); other rows of the logits are left 0. */
  readonly outputs?: Uint8Array;
  /** Keep every layer's residual stream and each head's selected keys. */
  readonly capture?: boolean;
  /** Use the dense reference path for the linear maps (default: the sparse fast path). */
  readonly dense?: boolean;
}

export interface ForwardMeter {
  /**
   * 2 × the multiply-adds of the dense path: every product of the linear maps (Q, K, V and O of each head
   * and the MLP's W1 and W2 at every position; the output heads at the output positions), each head's
   * scores, and one per value entry it adds (average-hard) or weights (softmax). The embedding, biases,
   * ReLU, divisions and exponentials are not counted. Both paths report this same figure.
   */
  readonly flops: number;
  /**
   * 2 × the multiply-adds this pass actually ran, counted as `flops` counts them: equal to flops for a full
   * pass; smaller for an incremental pass of a ForwardSession, which recomputes only what can change.
   */
  readonly work: number;
  /** Full passes run for this result: 1 here; 0 or 1 for a ForwardSession pass (see docs/model-format.md, engine). */
  readonly fullPasses: number;
  /** Over every query of every head: best score − best score strictly below it (Infinity if all keys tie). */
  readonly minAttentionMargin: number;
  /** Over output positions: top token logit − the best distinct logit below it (Infinity if all tie). */
  readonly minLogitMargin: number;
}

export interface ForwardCapture {
  /** L + 1 snapshots [N, dModel]: after the embedding, after each layer. */
  readonly residual: Float64Array[];
  /** The keys attaining the maximum score: the ones an average-hard head averages. */
  readonly selected: (layer: number, head: number, query: number) => number[];
}

export interface ForwardResult {
  /** [N, V] row-major; rows outside `outputs` are 0. */
  readonly tokenLogits: Float64Array;
  /** [N, 3] (remask, insert, delete), or null without control head; rows outside `outputs` are 0. */
  readonly controlLogits: Float64Array | null;
  readonly meter: ForwardMeter;
  readonly capture: ForwardCapture | null;
}

/**
 * The forward pass of docs/model-format.md: embed, then per layer
 *   x ← x + (Σ_h Attn_h(x)·Wo_h)                       (every head reads the same x; Σ in head order from +0)
 *   x ← x + (ReLU(x·W1 + b1)·W2 + b2)
 * and finally token logits x·Wtok + btok and control logits x·Wctl + bctl at the output positions.
 * The linear maps run densely (the reference) or over each matrix's non-zeros (the default), which give
 * the same float64 results (see sparseMatmul). Scratch buffers are allocated once per call. A value that
 * is not finite (query, key, value, score, head output, residual, MLP hidden unit, logit) stops the pass
 * with a NonFiniteError naming the layer, head and position.
 */
export function forward(model: Transformer, tokens: Int32Array, options: ForwardOptions = {}): ForwardResult {
  const { config, weights } = model;
  const n = tokens.length;
  const d = config.dModel;
  const matmul: Matmul = options.dense ? denseMatmul : sparseMatmul;
  const s = scratch(model, n);
  const x = new Float64Array(n * d);
  embed(model, tokens, x);
  assertFinite(x, 0, n * d, d, identity, { layer: null, head: null, what: "embedded residual" });
  const residual: Float64Array[] | null = options.capture ? [x.slice()] : null;
  const selected: number[][][][] = [];
  let multiplyAdds = 0;
  let minAttentionMargin = Infinity;
  config.layers.forEach((layer, l) => {
    const lw = weights.layers[l];
    s.delta.fill(0);
    const layerSelected: number[][][] = [];
    layer.heads.forEach(({ dQK, dV }, h) => {
      const hw = lw.heads[h];
      matmul(x, n, d, hw.wq, dQK, s.q);
      matmul(x, n, d, hw.wk, dQK, s.k);
      matmul(x, n, d, hw.wv, dV, s.v);
      const site = { layer: l, head: h };
      assertFinite(s.q, 0, n * dQK, dQK, identity, { ...site, what: "query" });
      assertFinite(s.k, 0, n * dQK, dQK, identity, { ...site, what: "key" });
      assertFinite(s.v, 0, n * dV, dV, identity, { ...site, what: "value" });
      const sel = residual ? new Array<number[]>(n) : null;
      const m = attendHead(s.q, s.k, s.v, n, dQK, dV, config.causal, config.attention, s.attended, s, sel, site);
      assertFinite(s.attended, 0, n * dV, dV, identity, { ...site, what: "attention output" });
      matmul(s.attended, n, dV, hw.wo, d, s.y);
      for (let e = 0; e < n * d; e++) s.delta[e] += s.y[e];
      multiplyAdds += n * d * (2 * dQK + dV) + m.multiplyAdds + n * dV * d;
      if (m.minMargin < minAttentionMargin) minAttentionMargin = m.minMargin;
      if (sel) layerSelected.push(sel);
    });
    for (let e = 0; e < n * d; e++) x[e] += s.delta[e];
    assertFinite(x, 0, n * d, d, identity, { layer: l, head: null, what: "residual after attention" });
    const H = layer.mlpHidden;
    matmul(x, n, d, lw.w1, H, s.hidden);
    for (let i = 0; i < n; i++) {
      for (let u = 0; u < H; u++) {
        const z = s.hidden[i * H + u] + lw.b1[u];
        s.hidden[i * H + u] = z > 0 ? z : 0;
      }
    }
    assertFinite(s.hidden, 0, n * H, H, identity, { layer: l, head: null, what: "MLP hidden unit" });
    matmul(s.hidden, n, H, lw.w2, d, s.y);
    for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) x[i * d + c] += s.y[i * d + c] + lw.b2[c];
    multiplyAdds += 2 * n * d * H;
    assertFinite(x, 0, n * d, d, identity, { layer: l, head: null, what: "residual after the MLP" });
    residual?.push(x.slice());
    selected.push(layerSelected);
  });
  const rows = outputRows(n, options.outputs);
  const xOut = new Float64Array(rows.length * d);
  rows.forEach((i, r) => xOut.set(x.subarray(i * d, (i + 1) * d), r * d));
  const V = config.vocab.length;
  const tokenLogits = outputHead(xOut, rows, d, weights.tokenHead, weights.tokenBias, V, n, matmul);
  assertFinite(tokenLogits, 0, n * V, V, identity, { layer: null, head: null, what: "token logit" });
  multiplyAdds += rows.length * d * V;
  let controlLogits: Float64Array | null = null;
  if (weights.controlHead && weights.controlBias) {
    controlLogits = outputHead(xOut, rows, d, weights.controlHead, weights.controlBias, 3, n, matmul);
    assertFinite(controlLogits, 0, n * 3, 3, identity, { layer: null, head: null, what: "control logit" });
    multiplyAdds += rows.length * d * 3;
  }
  return {
    tokenLogits,
    controlLogits,
    meter: { flops: 2 * multiplyAdds, work: 2 * multiplyAdds, fullPasses: 1, minAttentionMargin, minLogitMargin: logitMargin(tokenLogits, rows, V) },
    capture: residual ? { residual, selected: (l, h, i) => selected[l][h][i] } : null,
  };
}

const identity = (row: number): number => row;

/** The per-call buffers, each sized for the widest head or MLP of the model. */
function scratch(model: Transformer, n: number) {
  const { layers, dModel: d } = model.config;
  const heads = layers.flatMap((l) => l.heads);
  const dQK = maxOf(heads.map((h) => h.dQK), 0);
  const dV = maxOf(heads.map((h) => h.dV), 0);
  const H = maxOf(layers.map((l) => l.mlpHidden), 0);
  return {
    q: new Float64Array(n * dQK),
    k: new Float64Array(n * dQK),
    v: new Float64Array(n * dV),
    attended: new Float64Array(n * dV),
    scores: new Float64Array(2 * n),
    maximal: new Int32Array(n),
    hidden: new Float64Array(n * H),
    y: new Float64Array(n * d),
    delta: new Float64Array(n * d),
  };
}

/** The positions whose logits are computed, in increasing order. */
function outputRows(n: number, outputs: Uint8Array | undefined): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (!outputs || outputs[i]) rows.push(i);
  return rows;
}

/** logits[i] = xOut[r]·W + b for the r-th output position i, in an [n, cols] array (other rows 0). */
function outputHead(xOut: Float64Array, rows: readonly number[], d: number, w: Float64Array, b: Float64Array, cols: number, n: number, matmul: Matmul): Float64Array {
  const compact = new Float64Array(rows.length * cols);
  matmul(xOut, rows.length, d, w, cols, compact);
  const logits = new Float64Array(n * cols);
  rows.forEach((i, r) => {
    for (let c = 0; c < cols; c++) logits[i * cols + c] = compact[r * cols + c] + b[c];
  });
  return logits;
}

/** The smallest top − second-best distinct token logit over the output positions. */
function logitMargin(logits: Float64Array, rows: readonly number[], V: number): number {
  let margin = Infinity;
  for (const i of rows) {
    let best = -Infinity;
    let second = -Infinity;
    for (let t = 0; t < V; t++) {
      const z = logits[i * V + t];
      if (z > best) {
        second = best;
        best = z;
      } else if (z < best && z > second) second = z;
    }
    if (best - second < margin) margin = best - second;
  }
  return margin;
}
