import { positionValue } from "./positionValue.js";
import type { Transformer } from "./transformerWeights.js";

export interface ForwardOptions {
  /** Positions whose logits are needed (default: all); other rows of the logits are left 0. */
  readonly outputs?: Uint8Array;
  /** Keep every layer's residual stream and each head's selected keys. */
  readonly capture?: boolean;
  /** Use the dense reference path for the linear maps (default: the sparse fast path). */
  readonly dense?: boolean;
}

export interface ForwardMeter {
  /** 2 × multiply-adds of the dense formulation (embedding excluded): the same for both paths. */
  readonly flops: number;
  /** Over every query of every head: best score − best score strictly below it (Infinity if all keys tie). */
  readonly minAttentionMargin: number;
  /** Over output positions: top token logit − the best distinct logit below it. */
  readonly minLogitMargin: number;
}

export interface ForwardCapture {
  /** L + 1 snapshots [N, dModel]: after the embedding, after each layer. */
  readonly residual: Float64Array[];
  /** The keys attaining the maximum score (average-hard), or with non-zero weight (softmax). */
  readonly selected: (layer: number, head: number, query: number) => number[];
}

export interface ForwardResult {
  /** [N, V] row-major. */
  readonly tokenLogits: Float64Array;
  /** [N, 3] (remask, insert, delete), or null without control head. */
  readonly controlLogits: Float64Array | null;
  readonly meter: ForwardMeter;
  readonly capture: ForwardCapture | null;
}

/**
 * The forward pass of docs/model-format.md: x_i = E[token_i] + Σ_f φ_f(i, N)·Pos[f]; per layer, every head
 * reads the same x and their outputs are added (x += Σ_h Attn_h(x)·Wo_h), then x += ReLU(x·W1 + b1)·W2 + b2;
 * token logits x·Wtok + btok, control logits x·Wctl + bctl. Average-hard attention averages the values of
 * every key whose score equals the maximum exactly (float64 ===); softmax uses weights exp(β(s − max)).
 *
 * The linear maps run either densely (the reference) or over each matrix's non-zero entries, visited in
 * the same row order, so both paths add the same products in the same order: skipping a product with a
 * zero weight adds ±0, which changes no sum. Scratch buffers are allocated once per call.
 */
export function forward(model: Transformer, tokens: Int32Array, options: ForwardOptions = {}): ForwardResult {
  const { config, weights } = model;
  const N = tokens.length;
  const d = config.dModel;
  const V = config.vocab.length;
  const linear = options.dense ? denseMap : sparseMap;
  let flops = 0;
  const x = new Float64Array(N * d);
  for (let i = 0; i < N; i++) {
    const t = tokens[i];
    if (!(t >= 0 && t < V)) throw new RangeError(`forward: token ${t} at position ${i} is outside the vocabulary of ${V}`);
    const row = i * d;
    for (let c = 0; c < d; c++) x[row + c] = weights.tokenEmbedding[t * d + c];
    config.positionFeatures.forEach((spec, f) => {
      const phi = positionValue(spec, i, N);
      if (phi !== 0) for (let c = 0; c < d; c++) x[row + c] += phi * weights.positionEmbedding[f * d + c];
    });
  }
  const residual: Float64Array[] | null = options.capture ? [Float64Array.from(x)] : null;
  const selected: number[][][][] | null = options.capture ? [] : null;
  let minAttentionMargin = Infinity;
  const delta = new Float64Array(N * d);
  config.layers.forEach((layer, l) => {
    const lw = weights.layers[l];
    delta.fill(0);
    const layerSelected: number[][][] = [];
    layer.heads.forEach((head, h) => {
      const hw = lw.heads[h];
      const q = linear(x, N, d, hw.wq, head.dQK);
      const k = linear(x, N, d, hw.wk, head.dQK);
      const v = linear(x, N, d, hw.wv, head.dV);
      flops += 2 * N * d * (2 * head.dQK + head.dV);
      const out = new Float64Array(N * head.dV);
      const sel = selected ? new Array<number[]>(N) : null;
      const margin = attend(q, k, v, out, N, head.dQK, head.dV, config.causal, config.attention, sel);
      flops += 2 * N * N * (head.dQK + head.dV);
      minAttentionMargin = Math.min(minAttentionMargin, margin);
      accumulate(delta, out, N, head.dV, hw.wo, d, linear === sparseMap);
      flops += 2 * N * head.dV * d;
      if (sel) layerSelected.push(sel);
    });
    for (let e = 0; e < N * d; e++) x[e] += delta[e];
    // x += ReLU(x·W1 + b1)·W2 + b2 (with no hidden units: x += b2).
    const H = layer.mlpHidden;
    const hidden = linear(x, N, d, lw.w1, H);
    for (let e = 0; e < N * H; e++) {
      const z = hidden[e] + lw.b1[e % H];
      hidden[e] = z > 0 ? z : 0;
    }
    const y = linear(hidden, N, H, lw.w2, d);
    for (let i = 0; i < N; i++) for (let c = 0; c < d; c++) x[i * d + c] += y[i * d + c] + lw.b2[c];
    flops += 4 * N * d * H;
    residual?.push(Float64Array.from(x));
    selected?.push(layerSelected);
  });
  const outputs = options.outputs;
  const tokenLogits = new Float64Array(N * V);
  let minLogitMargin = Infinity;
  for (let i = 0; i < N; i++) {
    if (outputs && !outputs[i]) continue;
    head(x, i, d, weights.tokenHead, weights.tokenBias, V, tokenLogits);
    let best = -Infinity;
    let second = -Infinity;
    for (let t = 0; t < V; t++) {
      const z = tokenLogits[i * V + t];
      if (z > best) {
        second = best;
        best = z;
      } else if (z < best && z > second) second = z;
    }
    minLogitMargin = Math.min(minLogitMargin, best - second);
  }
  flops += 2 * (outputs ? outputs.reduce((s, o) => s + (o ? 1 : 0), 0) : N) * d * V;
  let controlLogits: Float64Array | null = null;
  if (weights.controlHead && weights.controlBias) {
    controlLogits = new Float64Array(N * 3);
    for (let i = 0; i < N; i++) if (!outputs || outputs[i]) head(x, i, d, weights.controlHead, weights.controlBias, 3, controlLogits);
    flops += 2 * N * d * 3;
  }
  return {
    tokenLogits,
    controlLogits,
    meter: { flops, minAttentionMargin, minLogitMargin },
    capture: residual && selected ? { residual, selected: (l, h, i) => selected[l][h][i] } : null,
  };
}

/** out[i] = x[i]·W for a [rows, cols] matrix W, densely (the reference). */
function denseMap(x: Float64Array, N: number, rows: number, w: Float64Array, cols: number): Float64Array {
  const out = new Float64Array(N * cols);
  for (let i = 0; i < N; i++) {
    const xo = i * rows;
    const oo = i * cols;
    for (let r = 0; r < rows; r++) {
      const a = x[xo + r];
      const wo = r * cols;
      for (let c = 0; c < cols; c++) out[oo + c] += a * w[wo + c];
    }
  }
  return out;
}

/** The non-zero entries of a weight matrix, row by row, cached per matrix. */
interface Sparse {
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}
const sparseCache = new WeakMap<Float64Array, Sparse>();

function sparseOf(w: Float64Array, rows: number, cols: number): Sparse {
  let s = sparseCache.get(w);
  if (s) return s;
  let nnz = 0;
  for (let e = 0; e < w.length; e++) if (w[e] !== 0) nnz++;
  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    for (let c = 0; c < cols; c++) {
      const v = w[r * cols + c];
      if (v !== 0) {
        col[k] = c;
        val[k++] = v;
      }
    }
  }
  rowStart[rows] = k;
  s = { rowStart, col, val };
  sparseCache.set(w, s);
  return s;
}

/** out[i] = x[i]·W over W's non-zero entries, in the dense path's order, skipping zero x entries too. */
function sparseMap(x: Float64Array, N: number, rows: number, w: Float64Array, cols: number): Float64Array {
  const { rowStart, col, val } = sparseOf(w, rows, cols);
  const out = new Float64Array(N * cols);
  for (let i = 0; i < N; i++) {
    const xo = i * rows;
    const oo = i * cols;
    for (let r = 0; r < rows; r++) {
      const a = x[xo + r];
      if (a === 0) continue;
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) out[oo + col[e]] += a * val[e];
    }
  }
  return out;
}

/** delta[i] += out[i]·Wo. */
function accumulate(delta: Float64Array, out: Float64Array, N: number, dV: number, wo: Float64Array, d: number, sparse: boolean): void {
  const y = (sparse ? sparseMap : denseMap)(out, N, dV, wo, d);
  for (let e = 0; e < N * d; e++) delta[e] += y[e];
}

/**
 * One head over all queries: score(i, j) = q_i · k_j (keys j ≤ i when causal). Average-hard: out_i is the
 * mean of v_j over the keys attaining the maximum exactly, summed in increasing j. Softmax: weights
 * exp(β(score − max)). Returns the smallest gap between a query's best and second-best distinct scores;
 * `selected`, when given, gets each query's maximal keys.
 */
function attend(
  q: Float64Array,
  k: Float64Array,
  v: Float64Array,
  out: Float64Array,
  N: number,
  dQK: number,
  dV: number,
  causal: boolean,
  kind: Transformer["config"]["attention"],
  selected: number[][] | null,
): number {
  const scores = new Float64Array(N);
  let minMargin = Infinity;
  for (let i = 0; i < N; i++) {
    const last = causal ? i : N - 1;
    const qo = i * dQK;
    let best = -Infinity;
    let second = -Infinity;
    for (let j = 0; j <= last; j++) {
      const ko = j * dQK;
      let s = 0;
      for (let t = 0; t < dQK; t++) s += q[qo + t] * k[ko + t];
      scores[j] = s;
      if (s > best) {
        second = best;
        best = s;
      } else if (s < best && s > second) second = s;
    }
    minMargin = Math.min(minMargin, best - second);
    const oo = i * dV;
    if (kind.kind === "average-hard") {
      let count = 0;
      for (let j = 0; j <= last; j++) {
        if (scores[j] !== best) continue;
        count++;
        const vo = j * dV;
        for (let c = 0; c < dV; c++) out[oo + c] += v[vo + c];
      }
      for (let c = 0; c < dV; c++) out[oo + c] /= count;
    } else {
      let total = 0;
      for (let j = 0; j <= last; j++) {
        const w = Math.exp(kind.beta * (scores[j] - best));
        total += w;
        const vo = j * dV;
        for (let c = 0; c < dV; c++) out[oo + c] += w * v[vo + c];
      }
      for (let c = 0; c < dV; c++) out[oo + c] /= total;
    }
    if (selected) {
      const keys: number[] = [];
      for (let j = 0; j <= last; j++) if (scores[j] === best) keys.push(j);
      selected[i] = keys;
    }
  }
  return minMargin;
}

/** logits[i] = x_i·W + b for one position. */
function head(x: Float64Array, i: number, d: number, w: Float64Array, b: Float64Array, cols: number, logits: Float64Array): void {
  const o = i * cols;
  for (let c = 0; c < cols; c++) logits[o + c] = 0;
  for (let r = 0; r < d; r++) {
    const a = x[i * d + r];
    if (a === 0) continue;
    for (let c = 0; c < cols; c++) logits[o + c] += a * w[r * cols + c];
  }
  for (let c = 0; c < cols; c++) logits[o + c] += b[c];
}
