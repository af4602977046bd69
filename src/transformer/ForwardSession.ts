import type { ForwardMeter } from "./forward.js";
import { HeadCache, type IndexMode } from "./HeadCache.js";
import { type LayerPlan, layerPlans } from "./layerPlan.js";
import { LogitCache } from "./LogitCache.js";
import { assertFinite } from "./NonFiniteError.js";
import { RowSet } from "./RowSet.js";
import { SparseEmbedding } from "./SparseEmbedding.js";
import { csrOf, sparseMatmul } from "./sparseMatmul.js";
import { widened } from "./widened.js";
import type { Transformer } from "./transformerWeights.js";

/** Rows a layer computes at a time (its buffers stay in cache). */
const CHUNK = 256;

export interface ForwardSessionOptions {
  /** A pass whose changed positions exceed this fraction of the canvas runs as a full pass (default 1/4). */
  readonly fullPassFraction?: number;
  /** When heads search a key or query index instead of scanning (default auto; see HeadCache). */
  readonly index?: IndexMode;
}

/** One pass of a session: its meters and the decisions at the requested positions. */
export interface SessionPass {
  readonly meter: ForwardMeter;
  /** The final residual stream's logits, decided per position (see LogitCache); valid at requested positions. */
  readonly logits: LogitCache;
}

/** The columns some reader uses, grouped by the version of the residual each is read from. */
type Reads = { readonly version: number; readonly slots: Int32Array; readonly columns: Int32Array }[];

/**
 * The forward pass of docs/model-format.md across the steps of a decode. It keeps the residual stream as
 * versions of columns — version 0 the embedding [n, d], version l + 1 the columns layer l writes (LayerPlan;
 * every other column passes through a layer as x + 0) — each head's state (HeadCache) and each position's
 * logit decisions (LogitCache). Given a canvas that differs from the previous one in a few positions it
 * recomputes only what can change (docs/model-format.md, engine):
 *  - the embedding of the changed positions;
 *  - per layer, the q, k, v rows of the positions where a column the heads read changed bits, the queries
 *    whose attention output can change (HeadCache), and the attention sum and MLP of the positions where a
 *    column the layer reads changed or whose head output changed; an output that keeps its bits propagates
 *    no further;
 *  - the logits of the positions where a column the output heads read changed, when requested.
 * Every recomputed value is computed by the same float64 operations in the same order as `forward`, so a
 * pass gives the same bits as a full pass. A causal model without `length` features grown at its end (the
 * ARM's canvas) keeps every earlier row: the new positions are edits, recomputed at every layer. The first
 * pass, any other change of canvas length (AP-MDM insert/delete) and a change of more than
 * `fullPassFraction` of the positions run a full pass, counted in the meter's fullPasses.
 */
export class ForwardSession {
  private tokens = new Int32Array(0);
  private readonly plans: LayerPlan[];
  private readonly widths: number[];
  /** Per layer (and index L: the output heads), per column, the version it is read from and its slot there. */
  private readonly source: Int32Array[];
  private readonly slot: Int32Array[];
  private readonly headReads: Reads[];
  private readonly allReads: Reads[];
  private readonly outputReads: Reads;
  private values: Float64Array[] = [];
  private changed: Uint8Array[] = [];
  private changedRows: RowSet[] = [];
  private heads: HeadCache[][] = [];
  private logitCache: LogitCache | null = null;
  private buf = new Float64Array(0);
  private out = new Float64Array(0);
  private hidden = new Float64Array(0);
  private acc = new Float64Array(0);
  private readonly fullPassFraction: number;
  private readonly indexMode: IndexMode;
  private readonly embedding: SparseEmbedding;
  /**
   * Whether a canvas grown at its end keeps every earlier row: under causal attention a row sees only the
   * positions before it, and no position feature depends on the length (a `length` feature would change
   * every row's embedding).
   */
  private readonly appends: boolean;
  /** Rows the residual arrays hold (≥ the canvas length; doubled when an append outgrows them). */
  private capacity = 0;
  /** Position sets a pass reuses: edited, a layer's head rows, its attended rows, its recomputed rows, the logits'. */
  private readonly sets = Array.from({ length: 5 }, () => new RowSet(0));

  constructor(
    readonly model: Transformer,
    options: ForwardSessionOptions = {},
  ) {
    this.fullPassFraction = options.fullPassFraction ?? 0.25;
    this.indexMode = options.index ?? "auto";
    this.embedding = new SparseEmbedding(model);
    const { config, weights } = model;
    this.appends = config.causal && config.positionFeatures.every((f) => f.kind !== "length");
    const d = config.dModel;
    const L = config.layers.length;
    this.plans = layerPlans(model);
    this.widths = [d, ...this.plans.map((p) => p.writes.length)];
    this.source = [];
    this.slot = [];
    const version = new Int32Array(d);
    const at = Int32Array.from({ length: d }, (_, c) => c);
    for (let l = 0; l <= L; l++) {
      this.source.push(Int32Array.from(version));
      this.slot.push(Int32Array.from(at));
      if (l < L) this.plans[l].writes.forEach((c, w) => ((version[c] = l + 1), (at[c] = w)));
    }
    this.headReads = this.plans.map((p, l) => this.readsOf(l, p.headReads));
    this.allReads = this.plans.map((p, l) => this.readsOf(l, p.reads));
    const outputs = new Set(csrOf(weights.tokenHead, d, config.vocab.length).rows);
    if (weights.controlHead) for (const c of csrOf(weights.controlHead, d, 3).rows) outputs.add(c);
    this.outputReads = this.readsOf(L, Int32Array.from(outputs));
  }

  /** Runs the pass over `tokens`, deciding the logits at `outputs` (default: every position). */
  run(tokens: Int32Array, outputs?: Uint8Array): SessionPass {
    const { config } = this.model;
    const n = tokens.length;
    const before = this.tokens.length;
    const [edited, headSet, attended, rowSet, outputSet] = this.sets.map((set) => {
      set.clear();
      set.resize(n);
      return set;
    });
    // A causal canvas grown at its end keeps its earlier rows (see appends): the new positions are edits.
    const appended = n > before && before > 0 && this.appends;
    let full = n !== before && !appended;
    if (!full) {
      for (let i = 0; i < before; i++) if (tokens[i] !== this.tokens[i]) edited.add(i);
      for (let i = before; i < n; i++) edited.add(i);
      full = edited.length > this.fullPassFraction * n;
    }
    if (full) {
      this.allocate(n);
      edited.fill();
    } else {
      for (let v = 0; v < this.values.length; v++) this.clearMarks(v);
      if (appended) this.grow(n);
    }
    /** The rows of a layer's input to recompute: those whose read columns changed bits, and every new row. */
    const recomputed = (reads: Reads, set: RowSet): RowSet => {
      this.rowsChanged(reads, set);
      for (let i = before; i < n; i++) set.add(i);
      return set;
    };
    // Until this pass ends the cached state matches no canvas: a pass that throws leaves the next one full.
    this.tokens = new Int32Array(0);
    const d = config.dModel;
    const row = new Float64Array(d);
    for (const i of edited.sorted()) {
      this.embedding.row(tokens, i, row, 0);
      assertFinite(row, 0, d, d, () => i, { layer: null, head: null, what: "embedded residual" });
      this.store(0, i, row, 0, full);
    }
    let work = 0;
    const all = full ? Int32Array.from({ length: n }, (_, i) => i) : null;
    config.layers.forEach((layer, l) => {
      headSet.clear();
      attended.clear();
      rowSet.clear();
      const headRows = all ?? recomputed(this.headReads[l], headSet).sorted();
      if (headRows.length > 0) {
        const x = this.gather(l, headRows, this.headReads[l]);
        for (const head of this.heads[l]) {
          head.update(x, headRows, full, sparseMatmul, attended);
          work += head.work;
        }
      }
      const rows = all ?? recomputed(this.allReads[l], rowSet);
      if (rows instanceof RowSet) for (const i of attended.sorted()) rows.add(i);
      const recompute = rows instanceof RowSet ? rows.sorted() : rows;
      if (recompute.length > 0) work += this.layerRows(l, recompute, layer.mlpHidden, full);
    });
    if (full) this.logitCache = new LogitCache(this.model, n, this.indexMode);
    const cache = this.logitCache!;
    if (!full) cache.invalidate(this.rowsChanged(this.outputReads, outputSet).sorted());
    const L = config.layers.length;
    work += cache.decide((list) => this.gather(L, Int32Array.from(list), this.outputReads), outputs);
    this.tokens = Int32Array.from(tokens);
    return { meter: this.meter(work, full ? 1 : 0, outputs), logits: cache };
  }

  /** The reads of `columns` at layer l (L: the output heads), grouped by version. */
  private readsOf(l: number, columns: Int32Array): Reads {
    const byVersion = new Map<number, { slots: number[]; columns: number[] }>();
    for (const c of columns) {
      const v = this.source[l][c];
      if (!byVersion.has(v)) byVersion.set(v, { slots: [], columns: [] });
      byVersion.get(v)!.slots.push(this.slot[l][c]);
      byVersion.get(v)!.columns.push(c);
    }
    return [...byVersion].map(([version, group]) => ({ version, slots: Int32Array.from(group.slots), columns: Int32Array.from(group.columns) }));
  }

  /** Adds to `set` the positions where a column of `reads` changed bits in this pass; returns it. */
  private rowsChanged(reads: Reads, set: RowSet): RowSet {
    for (const { version, slots } of reads) {
      const marks = this.changed[version];
      const width = this.widths[version];
      for (const i of this.changedRows[version].members()) {
        if (set.has(i)) continue;
        for (let s = 0; s < slots.length; s++) {
          if (marks[i * width + slots[s]]) {
            set.add(i);
            break;
          }
        }
      }
    }
    return set;
  }

  /**
   * The input rows of layer l (L: the final residual) at `rows`, packed [rows, d]: the columns of `reads` hold
   * their values; the others hold zeros or stale values of earlier gathers, finite, which the sparse products
   * never read (and a dense product only multiplies by a zero weight: a ±0 term, no change). A column read
   * from the embedding after a layer is x + 0 (−0 becomes +0), as forward's additions leave it.
   */
  private gather(l: number, rows: Int32Array, reads: Reads): Float64Array {
    const d = this.model.config.dModel;
    if (this.buf.length < rows.length * d) this.buf = new Float64Array(rows.length * d);
    const buf = this.buf;
    for (const { version, slots, columns } of reads) {
      const values = this.values[version];
      const width = this.widths[version];
      const plusZero = version === 0 && l > 0;
      for (let r = 0; r < rows.length; r++) {
        const io = rows[r] * width;
        const bo = r * d;
        if (plusZero) for (let k = 0; k < slots.length; k++) buf[bo + columns[k]] = values[io + slots[k]] + 0;
        else for (let k = 0; k < slots.length; k++) buf[bo + columns[k]] = values[io + slots[k]];
      }
    }
    return buf;
  }

  /**
   * Layer l at `rows`: x ← x + Σ_h attended_h·Wo_h, then x ← x + (ReLU(x·W1 + b1)·W2 + b2), at the columns the
   * layer writes, in forward's order; stores them (marking the bits that changed). Rows go in chunks of
   * CHUNK through buffers kept across passes (each row's values depend on that row alone). Returns the
   * multiply-adds.
   */
  private layerRows(l: number, rows: Int32Array, H: number, full: boolean): number {
    const d = this.model.config.dModel;
    const lw = this.model.weights.layers[l];
    const plan = this.plans[l];
    const { writes, headWrites, w2Start, w2Row, w2Val } = plan;
    const W = writes.length;
    const slotOf = this.slot[l + 1];
    if (this.out.length < CHUNK * W) this.out = new Float64Array(CHUNK * W);
    if (this.hidden.length < CHUNK * H) this.hidden = new Float64Array(CHUNK * H);
    const { out, hidden } = this;
    for (let from = 0; from < rows.length; from += CHUNK) {
      const chunk = rows.subarray(from, Math.min(rows.length, from + CHUNK));
      const m = chunk.length;
      const x = this.gather(l, chunk, this.allReads[l]);
      out.fill(0, 0, m * W);
      // δ = Σ_h a_h·Wo_h from +0 in head order, at the columns Wo_h reaches (elsewhere its terms are +0).
      // Each entry Σ_k a_k·Wo_h[k, c] is summed from +0 in increasing k, k outermost (Wo_h read along its rows).
      if (this.acc.length < d) this.acc = new Float64Array(d);
      const acc = this.acc;
      this.heads[l].forEach((head, h) => {
        const wo = lw.heads[h].wo;
        const dV = head.dV;
        const columns = headWrites[h];
        const attended = head.attended;
        for (let r = 0; r < m; r++) {
          const ao = chunk[r] * dV;
          for (let e = 0; e < columns.length; e++) acc[columns[e]] = 0;
          for (let k = 0; k < dV; k++) {
            const a = attended[ao + k];
            const wk = k * d;
            for (let e = 0; e < columns.length; e++) acc[columns[e]] += a * wo[wk + columns[e]];
          }
          for (let e = 0; e < columns.length; e++) out[r * W + slotOf[columns[e]]] += acc[columns[e]];
        }
      });
      // x + δ at the written columns (the MLP reads them there; elsewhere x + 0 multiplies W1 as x does, and
      // keeps the finite input it had).
      for (let r = 0; r < m; r++) for (let w = 0; w < W; w++) out[r * W + w] += x[r * d + writes[w]];
      const position = (r: number) => chunk[r];
      assertFinite(out, 0, m * W, W, position, { layer: l, head: null, what: "residual after attention" });
      for (let r = 0; r < m; r++) for (let w = 0; w < W; w++) x[r * d + writes[w]] = out[r * W + w];
      sparseMatmul(x, m, d, lw.w1, H, hidden);
      for (let r = 0; r < m; r++) {
        for (let u = 0; u < H; u++) {
          const z = hidden[r * H + u] + lw.b1[u];
          hidden[r * H + u] = z > 0 ? z : 0;
        }
      }
      assertFinite(hidden, 0, m * H, H, position, { layer: l, head: null, what: "MLP hidden unit" });
      // y = hidden·W2 column by column, rows increasing from +0 (sparseMatmul's sums), then x + (y + b2).
      for (let r = 0; r < m; r++) {
        for (let w = 0; w < W; w++) {
          let y = 0;
          for (let e = w2Start[w]; e < w2Start[w + 1]; e++) y += hidden[r * H + w2Row[e]] * w2Val[e];
          out[r * W + w] = x[r * d + writes[w]] + (y + lw.b2[writes[w]]);
        }
      }
      assertFinite(out, 0, m * W, W, position, { layer: l, head: null, what: "residual after the MLP" });
      for (let r = 0; r < m; r++) this.store(l + 1, chunk[r], out, r * W, full);
    }
    const m = rows.length;
    return this.heads[l].reduce((s, head) => s + m * head.dV * d, 0) + 2 * m * d * H;
  }

  /** Writes row i of version v from src[so ..], marking the entries whose bits changed (unless on a full pass). */
  private store(v: number, i: number, src: Float64Array, so: number, full: boolean): void {
    const width = this.widths[v];
    const values = this.values[v];
    const marks = this.changed[v];
    const o = i * width;
    let moved = false;
    for (let w = 0; w < width; w++) {
      const b = src[so + w];
      if (!full && !Object.is(values[o + w], b)) {
        marks[o + w] = 1;
        moved = true;
      }
      values[o + w] = b;
    }
    if (moved) this.changedRows[v].add(i);
  }

  private clearMarks(v: number): void {
    const width = this.widths[v];
    for (const i of this.changedRows[v].members()) this.changed[v].fill(0, i * width, i * width + width);
    this.changedRows[v].clear();
  }

  private allocate(n: number): void {
    const { config, weights } = this.model;
    const d = config.dModel;
    // The residual's arrays are kept when the length is (a full pass writes every entry); the marks cleared.
    if (this.changedRows[0]?.n === n) for (let v = 0; v < this.values.length; v++) this.clearMarks(v);
    else {
      this.values = this.widths.map((w) => new Float64Array(n * w));
      this.changed = this.widths.map((w) => new Uint8Array(n * w));
      this.changedRows = this.widths.map(() => new RowSet(n));
      this.capacity = n;
    }
    this.heads = config.layers.map((layer, l) =>
      layer.heads.map(({ dQK, dV }, h) => new HeadCache(weights.layers[l].heads[h], n, d, dQK, dV, config.causal, config.attention, { layer: l, head: h }, this.indexMode)),
    );
  }

  /** Appends rows up to n (see appends): the arrays widen, the earlier rows keep their state. */
  private grow(n: number): void {
    if (n > this.capacity) {
      const c = Math.max(n, 2 * this.capacity);
      this.values = this.values.map((a, v) => widened(a, c * this.widths[v]));
      this.changed = this.changed.map((a, v) => widened(a, c * this.widths[v]));
      this.capacity = c;
    }
    for (const rows of this.changedRows) rows.resize(n);
    for (const heads of this.heads) for (const head of heads) head.grow(n);
    this.logitCache!.grow(n);
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
