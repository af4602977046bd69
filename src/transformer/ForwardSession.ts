import { embedRow } from "./embed.js";
import type { ForwardMeter } from "./forward.js";
import { HeadCache } from "./HeadCache.js";
import { LogitCache } from "./LogitCache.js";
import { assertFinite } from "./NonFiniteError.js";
import { RowSet } from "./RowSet.js";
import { sparseMatmul } from "./sparseMatmul.js";
import type { Transformer } from "./transformerWeights.js";

export interface ForwardSessionOptions {
  /** A pass whose changed positions exceed this fraction of the canvas runs as a full pass (default 1/4). */
  readonly fullPassFraction?: number;
}

/** One pass of a session: its meters and the decisions at the requested positions. */
export interface SessionPass {
  readonly meter: ForwardMeter;
  /** The final residual stream's logits, decided per position (see LogitCache); valid at requested positions. */
  readonly logits: LogitCache;
}

/**
 * The forward pass of docs/model-format.md across the steps of a decode: it keeps every layer's input, each
 * head's state (HeadCache) and each position's logit decisions, and given a canvas that differs from the
 * previous one in a few positions recomputes only what can change (docs/model-format.md, engine):
 *  - the embedding of the changed positions;
 *  - per layer, the q, k, v rows of the positions whose layer input changed, the queries whose attention
 *    output can change (HeadCache), and the attention sum and MLP of the positions whose input or attention
 *    output changed; a position whose layer output keeps its bits does not propagate further;
 *  - the logits of the final rows that changed, when requested.
 * Every recomputed value is computed by the same float64 operations in the same order as `forward`, so a
 * pass gives the same bits as a full pass. The first pass, a change of canvas length (AP-MDM insert/delete,
 * the growing ARM prefix) and a change of more than `fullPassFraction` of the positions run a full pass,
 * counted in the meter's fullPasses.
 */
export class ForwardSession {
  private tokens = new Int32Array(0);
  private residual: Float64Array[] = [];
  private heads: HeadCache[][] = [];
  private logitCache: LogitCache | null = null;
  private readonly fullPassFraction: number;

  constructor(
    readonly model: Transformer,
    options: ForwardSessionOptions = {},
  ) {
    this.fullPassFraction = options.fullPassFraction ?? 0.25;
  }

  /** Runs the pass over `tokens`, deciding the logits at `outputs` (default: every position). */
  run(tokens: Int32Array, outputs?: Uint8Array): SessionPass {
    const { config } = this.model;
    const n = tokens.length;
    const dirty = new RowSet(n);
    let full = n !== this.tokens.length;
    if (!full) {
      for (let i = 0; i < n; i++) if (tokens[i] !== this.tokens[i]) dirty.add(i);
      full = dirty.length > this.fullPassFraction * n;
    }
    if (full) {
      this.allocate(n);
      dirty.fill();
    }
    this.tokens = Int32Array.from(tokens);
    const d = config.dModel;
    let work = 0;
    for (const i of dirty.sorted()) embedRow(this.model, tokens, i, this.residual[0]);
    config.layers.forEach((layer, l) => {
      if (dirty.length === 0) return;
      const rows = dirty.sorted();
      const changed = new RowSet(n);
      for (const i of rows) changed.add(i);
      const xRows = gather(this.residual[l], rows, d);
      for (const head of this.heads[l]) {
        head.update(xRows, rows, full, sparseMatmul, changed);
        work += head.work;
      }
      const recompute = changed.sorted();
      work += this.layerRows(l, recompute, layer.mlpHidden);
      dirty.clear();
      const next = this.residual[l + 1];
      const computed = this.computedRows;
      for (let r = 0; r < recompute.length; r++) {
        const i = recompute[r];
        let moved = full;
        for (let c = 0; c < d; c++) {
          const a = next[i * d + c];
          const b = computed[r * d + c];
          if (a !== b || (a === 0 && 1 / a !== 1 / b)) moved = true;
          next[i * d + c] = b;
        }
        if (moved) dirty.add(i);
      }
    });
    const cache = this.logitCache!;
    cache.invalidate(dirty.sorted());
    work += cache.decide(this.residual[config.layers.length], outputs);
    return { meter: this.meter(work, full ? 1 : 0, outputs), logits: cache };
  }

  private computedRows: Float64Array = new Float64Array(0);

  /**
   * For the given rows of layer l: x ← x + Σ_h attended_h·Wo_h, then x ← x + (ReLU(x·W1 + b1)·W2 + b2), into
   * computedRows, in forward's order. Returns the multiply-adds.
   */
  private layerRows(l: number, rows: Int32Array, H: number): number {
    const d = this.model.config.dModel;
    const lw = this.model.weights.layers[l];
    const m = rows.length;
    const x = gather(this.residual[l], rows, d);
    const delta = new Float64Array(m * d);
    const y = new Float64Array(m * d);
    let work = 0;
    // δ = Σ_h a_h·Wo_h from +0 in head order, visiting only the columns where Wo_h has a non-zero entry:
    // elsewhere (a·Wo)[c] is a sum of ±0 from +0, i.e. +0, and δ (never −0) + +0 = δ.
    this.heads[l].forEach((head, h) => {
      const wo = lw.heads[h].wo;
      const dV = head.dV;
      const cols = nonZeroColumns(wo, dV, d);
      for (let r = 0; r < m; r++) {
        const ao = rows[r] * dV;
        for (const c of cols) {
          let s = 0;
          for (let k = 0; k < dV; k++) s += head.attended[ao + k] * wo[k * d + c];
          delta[r * d + c] += s;
        }
      }
      work += m * dV * d;
    });
    for (let e = 0; e < m * d; e++) x[e] += delta[e];
    const position = (r: number) => rows[r];
    assertFinite(x, 0, m * d, d, position, { layer: l, head: null, what: "residual after attention" });
    const hidden = new Float64Array(m * H);
    sparseMatmul(x, m, d, lw.w1, H, hidden);
    for (let r = 0; r < m; r++) {
      for (let u = 0; u < H; u++) {
        const z = hidden[r * H + u] + lw.b1[u];
        hidden[r * H + u] = z > 0 ? z : 0;
      }
    }
    assertFinite(hidden, 0, m * H, H, position, { layer: l, head: null, what: "MLP hidden unit" });
    sparseMatmul(hidden, m, H, lw.w2, d, y);
    for (let r = 0; r < m; r++) for (let c = 0; c < d; c++) x[r * d + c] += y[r * d + c] + lw.b2[c];
    assertFinite(x, 0, m * d, d, position, { layer: l, head: null, what: "residual after the MLP" });
    this.computedRows = x;
    return work + 2 * m * d * H;
  }

  private allocate(n: number): void {
    const { config, weights } = this.model;
    const d = config.dModel;
    this.residual = Array.from({ length: config.layers.length + 1 }, () => new Float64Array(n * d));
    this.heads = config.layers.map((layer, l) =>
      layer.heads.map(({ dQK, dV }, h) => new HeadCache(weights.layers[l].heads[h], n, d, dQK, dV, config.causal, config.attention, { layer: l, head: h })),
    );
    this.logitCache = new LogitCache(this.model, n);
  }

  /** The dense pass's FLOPs (forward's formula, from each head's current counts), the work done, the margins. */
  private meter(work: number, fullPasses: number, outputs: Uint8Array | undefined): ForwardMeter {
    const { config } = this.model;
    const n = this.tokens.length;
    const d = config.dModel;
    let multiplyAdds = 0;
    let minAttentionMargin = Infinity;
    config.layers.forEach((layer, l) => {
      layer.heads.forEach(({ dQK, dV }, h) => {
        const head = this.heads[l][h];
        const keys = config.causal ? (n * (n + 1)) / 2 : n * n;
        const { averaged, minMargin } = head.levels();
        const values = config.attention.kind === "average-hard" ? averaged : keys;
        multiplyAdds += n * d * (2 * dQK + dV) + keys * dQK + values * dV + n * dV * d;
        if (minMargin < minAttentionMargin) minAttentionMargin = minMargin;
      });
      multiplyAdds += 2 * n * d * layer.mlpHidden;
    });
    let rows = n;
    if (outputs) {
      rows = 0;
      for (let i = 0; i < n; i++) rows += outputs[i] ? 1 : 0;
    }
    multiplyAdds += rows * d * (config.vocab.length + (this.model.weights.controlHead ? 3 : 0));
    const cache = this.logitCache!;
    return { flops: 2 * multiplyAdds, work: 2 * work, fullPasses, minAttentionMargin, minLogitMargin: cache.minMargin(outputs) };
  }
}

/** Rows `rows` of an [n, d] array, packed into an [rows.length, d] one. */
function gather(a: Float64Array, rows: Int32Array, d: number): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(a.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}

const columnCache = new WeakMap<Float64Array, Int32Array>();

/** The columns of an [rows, cols] matrix with a non-zero entry (cached: weights are never mutated). */
function nonZeroColumns(w: Float64Array, rows: number, cols: number): Int32Array {
  let list = columnCache.get(w);
  if (!list) {
    const found: number[] = [];
    for (let c = 0; c < cols; c++) {
      let any = false;
      for (let r = 0; r < rows; r++) if (w[r * cols + c] !== 0) any = true;
      if (any) found.push(c);
    }
    list = Int32Array.from(found);
    columnCache.set(w, list);
  }
  return list;
}
