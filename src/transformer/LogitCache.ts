import type { IndexMode } from "./HeadCache.js";
import { assertFinite } from "./NonFiniteError.js";
import { NonFiniteError } from "./NonFiniteError.js";
import { csrOf, sparseMatmul } from "./sparseMatmul.js";
import { TokenIndex } from "./TokenIndex.js";
import { widened } from "./widened.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Per position, what a decoding loop reads from its logits — the argmax (lowest id on an exact tie), every
 * tied id, the margin (top − the best distinct logit below it, Infinity when all tie) and the three control
 * logits — kept across the passes of a ForwardSession and recomputed only where the final residual row
 * changed. Logits are x·W + b as forward computes them (the matmul over the rows, then the bias added).
 *
 * A row's decision does not compute all V token logits: a token whose column of W meets no non-zero of x
 * has the logit +0 + b_t = b_t + 0 (the matmul's sum of ±0 terms from +0 is +0), so the session computes the
 * logits of the tokens W reaches from x's non-zeros (in sparseMatmul's order, the same bits) and reads the
 * others off the tokens ranked once by b_t + 0 (descending, ids ascending): the best untouched tokens are the
 * first untouched ones in that ranking. The argmax, the tied ids and the margin are then the reference's.
 * When W and b are integral and few rows of W are non-empty (a compiled "code" output: logit_v = 2v·s − v²),
 * a row is decided by a search of the model's TokenIndex instead, when exact and (mode auto) cheaper than the
 * tokens the row reaches.
 */
export class LogitCache {
  private readonly V: number;
  private readonly d: number;
  private valid: Uint8Array;
  argmax: Int32Array;
  private margin: Float64Array;
  private readonly ties = new Map<number, number[]>();
  private control: Float64Array | null;
  /** Token ids by b_t + 0, descending (ids ascending among equal values), and those values. */
  private readonly ranking: Int32Array;
  private readonly ranked: Float64Array;
  // Per decided row: the logits of the tokens W reaches (stamped with the row's number), and their list.
  private readonly reached: Float64Array;
  private readonly stamp: Int32Array;
  private readonly touched: Int32Array;
  private stampId = 0;
  /** The final residual rows of the last pass at the given positions, packed [rows, d]. */
  private final: (rows: readonly number[]) => Float64Array = () => new Float64Array(0);

  private readonly index: TokenIndex | null;

  constructor(
    private readonly model: Transformer,
    public n: number,
    private readonly indexMode: IndexMode = "auto",
  ) {
    this.index = indexMode === "never" ? null : TokenIndex.of(model);
    this.V = model.config.vocab.length;
    this.d = model.config.dModel;
    this.valid = new Uint8Array(n);
    this.argmax = new Int32Array(n);
    this.margin = new Float64Array(n);
    this.control = model.weights.controlHead ? new Float64Array(n * 3) : null;
    ({ ranking: this.ranking, ranked: this.ranked } = rankingOf(model.weights.tokenBias));
    this.reached = new Float64Array(this.V);
    this.stamp = new Int32Array(this.V).fill(-1);
    this.touched = new Int32Array(this.V);
  }

  /** Position i's decision from its final residual row r of xs (see the class comment); returns multiply-adds. */
  private decideRow(xs: Float64Array, r: number, i: number): number {
    const { V, d, reached, stamp, touched, ranking, ranked } = this;
    const w = this.model.weights.tokenHead;
    const b = this.model.weights.tokenBias;
    const { rowStart, col, val, rows: nonEmpty } = csrOf(w, d, V);
    const xo = r * d;
    let reach = 0;
    for (let q = 0; q < nonEmpty.length; q++) if (xs[xo + nonEmpty[q]] !== 0) reach += rowStart[nonEmpty[q] + 1] - rowStart[nonEmpty[q]];
    if (this.index && (this.indexMode === "always" || reach > this.index.cost)) {
      const found = this.index.search(xs, xo);
      if (found) {
        this.record(i, found.tied.length > 1 ? found.tied.slice() : found.tied, found.top - found.second);
        return this.index.work;
      }
    }
    const id = ++this.stampId;
    let count = 0;
    for (let q = 0; q < nonEmpty.length; q++) {
      const c = nonEmpty[q];
      const a = xs[xo + c];
      if (a === 0) continue;
      for (let e = rowStart[c]; e < rowStart[c + 1]; e++) {
        const t = col[e];
        if (stamp[t] !== id) {
          stamp[t] = id;
          reached[t] = 0;
          touched[count++] = t;
        }
        reached[t] += a * val[e];
      }
    }
    let top = -Infinity;
    let bad = -1;
    for (let k = 0; k < count; k++) {
      const t = touched[k];
      const z = reached[t] + b[t];
      reached[t] = z;
      if (!Number.isFinite(z) && (bad < 0 || t < bad)) bad = t;
      if (z > top) top = z;
    }
    if (bad >= 0) throw new NonFiniteError({ layer: null, head: null, position: i, what: "token logit" }, reached[bad]);
    // The best untouched token: the first untouched one in the ranking.
    let k = 0;
    while (k < V && stamp[ranking[k]] === id) k++;
    if (k < V && ranked[ranking[k]] > top) top = ranked[ranking[k]];
    const reachedTop: number[] = [];
    let second = -Infinity;
    for (let h = 0; h < count; h++) {
      const z = reached[touched[h]];
      if (z === top) reachedTop.push(touched[h]);
      else if (z > second) second = z;
    }
    reachedTop.sort((x, y) => x - y);
    // Untouched tokens: those at the top (every untouched one ranked ≥ top; equal values are ranked by id,
    // so they come in increasing id), merged with the reached ones; then the first below the top.
    const tied: number[] = [];
    let h = 0;
    for (; k < V; k++) {
      const t = ranking[k];
      if (stamp[t] === id) continue;
      if (ranked[t] !== top) {
        if (ranked[t] > second) second = ranked[t];
        break;
      }
      while (h < reachedTop.length && reachedTop[h] < t) tied.push(reachedTop[h++]);
      tied.push(t);
    }
    while (h < reachedTop.length) tied.push(reachedTop[h++]);
    this.record(i, tied, top - second);
    return nonEmpty.length + reach + k;
  }

  private record(i: number, tied: number[], margin: number): void {
    this.argmax[i] = tied[0];
    this.margin[i] = margin;
    if (tied.length > 1) this.ties.set(i, tied);
    else this.ties.delete(i);
    this.valid[i] = 1;
  }

  /**
   * Appends positions n .. to − 1, undecided (a causal canvas grown at its end); the arrays widen to twice
   * their size when full.
   */
  grow(to: number): void {
    if (to > this.valid.length) {
      const c = Math.max(to, 2 * this.valid.length);
      this.valid = widened(this.valid, c);
      this.argmax = widened(this.argmax, c);
      this.margin = widened(this.margin, c);
      if (this.control) this.control = widened(this.control, c * 3);
    }
    this.valid.fill(0, this.n, to);
    this.n = to;
  }

  /** The final residual rows that changed: their decisions are stale. */
  invalidate(rows: Int32Array): void {
    for (const i of rows) this.valid[i] = 0;
  }

  /** Decides every requested position (default: all) that is stale, from the final residual rows; returns multiply-adds. */
  decide(final: (rows: readonly number[]) => Float64Array, outputs: Uint8Array | undefined): number {
    this.final = final;
    const rows: number[] = [];
    for (let i = 0; i < this.n; i++) if ((!outputs || outputs[i]) && !this.valid[i]) rows.push(i);
    const xs = rows.length > 0 ? final(rows) : new Float64Array(0);
    let work = 0;
    rows.forEach((i, r) => (work += this.decideRow(xs, r, i)));
    const { controlHead, controlBias } = this.model.weights;
    if (this.control && controlHead && controlBias) {
      const c = this.logitRows(rows, controlHead, controlBias, 3, "control logit");
      rows.forEach((i, r) => this.control!.set(c.subarray(r * 3, r * 3 + 3), i * 3));
      work += rows.length * this.d * 3;
    }
    return work;
  }

  /** Every token id attaining the top logit at a decided position i. */
  tied(i: number): number[] {
    return this.ties.get(i) ?? [this.argmax[i]];
  }

  /** The control logits (remask, insert, delete) at a decided position i, or null without control head. */
  controlLogits(i: number): Float64Array | null {
    return this.control ? this.control.slice(i * 3, i * 3 + 3) : null;
  }

  /** The token logits at position i of the last pass, recomputed from its final residual row. */
  tokenLogits(i: number): Float64Array {
    return this.logitRows([i], this.model.weights.tokenHead, this.model.weights.tokenBias, this.V, "token logit");
  }

  /** The smallest margin over the requested positions (forward's minLogitMargin). */
  minMargin(outputs: Uint8Array | undefined): number {
    let min = Infinity;
    for (let i = 0; i < this.n; i++) if ((!outputs || outputs[i]) && this.margin[i] < min) min = this.margin[i];
    return min;
  }

  private logitRows(rows: readonly number[], w: Float64Array, b: Float64Array, cols: number, what: string): Float64Array {
    const { d } = this;
    const xs = this.final(rows);
    const out = new Float64Array(rows.length * cols);
    sparseMatmul(xs, rows.length, d, w, cols, out);
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < cols; c++) out[r * cols + c] += b[c];
    assertFinite(out, 0, rows.length * cols, cols, (r) => rows[r], { layer: null, head: null, what });
    return out;
  }
}

const rankings = new WeakMap<Float64Array, { ranking: Int32Array; ranked: Float64Array }>();

/** Token ids by b_t + 0, descending (ids ascending among equal values), and those values; once per model. */
function rankingOf(bias: Float64Array): { ranking: Int32Array; ranked: Float64Array } {
  const cached = rankings.get(bias);
  if (cached) return cached;
  const ranked = Float64Array.from(bias, (b) => b + 0);
  const ranking = Int32Array.from({ length: bias.length }, (_, t) => t).sort((a, b) => ranked[b] - ranked[a] || a - b);
  rankings.set(bias, { ranking, ranked });
  return { ranking, ranked };
}
