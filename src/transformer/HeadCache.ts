import { softmaxAverage } from "./attendHead.js";
import type { Matmul } from "./matmul.js";
import { assertFinite, NonFiniteError } from "./NonFiniteError.js";
import type { RowSet } from "./RowSet.js";
import type { AttentionKind } from "./transformerConfig.js";
import type { HeadWeights } from "./transformerWeights.js";

/** Integers up to 2^53 are exact in float64: a sum of integers of this size is the same in any order. */
const EXACT = 2 ** 53;

/**
 * One attention head's state across the passes of a ForwardSession: its queries, keys and values, and per
 * query the two best score levels of the keys it sees — best (count keys attain it, their values summing to
 * sum) and second, the best score strictly below it (count2 keys; −∞ and 0 when every key ties) — and the
 * head's output attended = sum / count, exactly as attendHead computes it.
 *
 * update(x, dirty) recomputes the q, k, v rows of the positions whose input changed and then only the
 * queries whose output can change (see docs/model-format.md, engine):
 *  - a query whose own q row changed, or whose top level or second level lost its last key, is rescanned
 *    over every key (the reference computation: scores in increasing key order, values summed in
 *    increasing key order from +0);
 *  - any other query follows each changed key from its old score to its new one: a key leaving or joining
 *    the top level moves its value out of or into the sum. This is exact only when every value of the head
 *    is an integer and n · max |value| ≤ 2^53 (then every partial sum is an exact integer, so the sum does
 *    not depend on its order); otherwise such a query is rescanned;
 *  - softmax heads weight every key, so any change rescans every query.
 * Scores are dot products in increasing t from +0, the same operations as attendHead's, hence the same bits.
 */
export class HeadCache {
  readonly q: Float64Array;
  readonly k: Float64Array;
  readonly v: Float64Array;
  readonly attended: Float64Array;
  private readonly sum: Float64Array;
  readonly best: Float64Array;
  readonly second: Float64Array;
  readonly count: Int32Array;
  private readonly count2: Int32Array;
  private integral = false;
  private readonly scores: Float64Array;
  private readonly maximal: Int32Array;
  /** Multiply-adds run by the last update. */
  work = 0;

  constructor(
    private readonly w: HeadWeights,
    readonly n: number,
    readonly d: number,
    readonly dQK: number,
    readonly dV: number,
    readonly causal: boolean,
    readonly kind: AttentionKind,
    readonly site: { readonly layer: number; readonly head: number },
  ) {
    this.q = new Float64Array(n * dQK);
    this.k = new Float64Array(n * dQK);
    this.v = new Float64Array(n * dV);
    this.attended = new Float64Array(n * dV);
    this.sum = new Float64Array(n * dV);
    this.best = new Float64Array(n);
    this.second = new Float64Array(n);
    this.count = new Int32Array(n);
    this.count2 = new Int32Array(n);
    this.scores = new Float64Array(n);
    this.maximal = new Int32Array(n);
  }

  /**
   * x is the layer's input [n, d], already updated at the rows of `dirty` (all rows when `full`). Adds to
   * `changed` every query whose output row changed bits (every query on a full pass).
   */
  update(x: Float64Array, dirty: Int32Array, full: boolean, matmul: Matmul, changed: RowSet): void {
    const { n, d, dQK, dV } = this;
    this.work = 0;
    const m = dirty.length;
    const rows = new Float64Array(m * d);
    for (let r = 0; r < m; r++) rows.set(x.subarray(dirty[r] * d, dirty[r] * d + d), r * d);
    const fresh = (w: Float64Array, width: number, what: string): Float64Array => {
      const out = new Float64Array(m * width);
      matmul(rows, m, d, w, width, out);
      assertFinite(out, 0, m * width, width, (r) => dirty[r], { ...this.site, what });
      return out;
    };
    const qNew = fresh(this.w.wq, dQK, "query");
    const kNew = fresh(this.w.wk, dQK, "key");
    const vNew = fresh(this.w.wv, dV, "value");
    this.work += m * d * (2 * dQK + dV);
    const wasIntegral = this.integral;
    const kOld = new Float64Array(m * dQK);
    const vOld = new Float64Array(m * dV);
    const qMoved = new Uint8Array(m);
    const touched: number[] = [];
    for (let r = 0; r < m; r++) {
      const i = dirty[r];
      qMoved[r] = store(this.q, qNew, i, r, dQK, null) ? 1 : 0;
      const kMoved = store(this.k, kNew, i, r, dQK, kOld);
      const vMoved = store(this.v, vNew, i, r, dV, vOld);
      if (kMoved || vMoved) touched.push(r);
    }
    this.integral = integralValues(this.v, n);
    if (full || this.kind.kind === "softmax") {
      if (!full && touched.length === 0 && !qMoved.includes(1)) return;
      for (let i = 0; i < n; i++) this.rescanInto(i, changed, full);
      return;
    }
    const sumsExact = wasIntegral && this.integral;
    let next = 0;
    for (let i = 0; i < n; i++) {
      if (next < m && dirty[next] === i) {
        if (qMoved[next++]) {
          this.rescanInto(i, changed, false);
          continue;
        }
      }
      if (touched.length > 0) this.follow(i, dirty, touched, kOld, kNew, vOld, vNew, sumsExact, changed);
    }
  }

  /**
   * A query whose q did not change follows each touched key from its old score so to its new score sn,
   * keeping its two top levels exact; where a level's content would become unknown (the top level emptied
   * without a new key above the second level, the second level emptied) or a sum would need an inexact
   * update, it is rescanned instead. Replacing the sum by 0 + v (a single top key) is always exact.
   */
  private follow(i: number, dirty: Int32Array, touched: readonly number[], kOld: Float64Array, kNew: Float64Array, vOld: Float64Array, vNew: Float64Array, sumsExact: boolean, changed: RowSet): void {
    const { dQK, dV, q, sum } = this;
    const qo = i * dQK;
    const so0 = i * dV;
    let best = this.best[i];
    let count = this.count[i];
    let second = this.second[i];
    let count2 = this.count2[i];
    let top = false;
    const add = (from: Float64Array, vo: number, sign: 1 | -1 | 0): void => {
      for (let c = 0; c < dV; c++) sum[so0 + c] = sign === 0 ? 0 + from[vo + c] : sign > 0 ? sum[so0 + c] + from[vo + c] : sum[so0 + c] - from[vo + c];
      this.work += dV;
      top = true;
    };
    /** The key joins the level of its new score sn; false when that needs an inexact sum. */
    const join = (sn: number, vo: number): boolean => {
      if (sn > best) {
        second = best;
        count2 = count;
        best = sn;
        count = 1;
        add(vNew, vo, 0);
      } else if (sn === best) {
        if (!sumsExact) return false;
        count++;
        add(vNew, vo, 1);
      } else if (sn > second) {
        second = sn;
        count2 = 1;
      } else if (sn === second) count2++;
      return true;
    };
    for (const r of touched) {
      const j = dirty[r];
      if (this.causal && j > i) continue;
      let so = 0;
      let sn = 0;
      for (let t = 0; t < dQK; t++) so += q[qo + t] * kOld[r * dQK + t];
      for (let t = 0; t < dQK; t++) sn += q[qo + t] * kNew[r * dQK + t];
      this.work += 2 * dQK;
      if (!(sn - sn === 0)) throw new NonFiniteError({ ...this.site, position: i, what: "score" }, sn);
      const vo = r * dV;
      if (so === sn) {
        if (so !== best) continue;
        if (!sumsExact) return this.rescanInto(i, changed, false);
        add(vOld, vo, -1);
        add(vNew, vo, 1);
      } else if (so === best) {
        if (sn > so) {
          if (count > 1) {
            second = so;
            count2 = count - 1;
          }
          best = sn;
          count = 1;
          add(vNew, vo, 0);
        } else if (--count === 0) {
          if (!(sn > second)) return this.rescanInto(i, changed, false);
          best = sn;
          count = 1;
          add(vNew, vo, 0);
        } else {
          if (!sumsExact) return this.rescanInto(i, changed, false);
          add(vOld, vo, -1);
          join(sn, vo);
        }
      } else {
        // Leaving the second level matters unless the key rises above it to a level other than the top.
        if (so === second && !(sn > second && sn !== best) && --count2 === 0) return this.rescanInto(i, changed, false);
        if (!join(sn, vo)) return this.rescanInto(i, changed, false);
      }
    }
    this.best[i] = best;
    this.count[i] = count;
    this.second[i] = second;
    this.count2[i] = count2;
    if (top) this.average(i, changed, false);
  }

  /** Recomputes query i over every key it sees, in the reference order. */
  private rescanInto(i: number, changed: RowSet, full: boolean): void {
    const { dQK, dV, q, k, v, scores, maximal } = this;
    const keys = this.causal ? i + 1 : this.n;
    const qo = i * dQK;
    let best = -Infinity;
    let second = -Infinity;
    let count = 0;
    let count2 = 0;
    for (let j = 0; j < keys; j++) {
      let s = 0;
      for (let t = 0; t < dQK; t++) s += q[qo + t] * k[j * dQK + t];
      if (!(s - s === 0)) throw new NonFiniteError({ ...this.site, position: i, what: "score" }, s);
      scores[j] = s;
      if (s > best) {
        second = best;
        count2 = count;
        best = s;
        maximal[0] = j;
        count = 1;
      } else if (s === best) maximal[count++] = j;
      else if (s > second) {
        second = s;
        count2 = 1;
      } else if (s === second) count2++;
    }
    this.work += keys * dQK;
    this.best[i] = best;
    this.second[i] = second;
    this.count[i] = count;
    this.count2[i] = count2;
    if (this.kind.kind === "softmax") {
      const before = this.attended.slice(i * dV, i * dV + dV);
      softmaxAverage(scores, 0, keys, best, this.kind.beta, v, dV, this.attended, i * dV);
      this.work += keys * dV;
      this.checkOutput(i);
      if (full || !sameRow(before, this.attended, i * dV, dV)) changed.add(i);
      return;
    }
    const so = i * dV;
    this.sum.fill(0, so, so + dV);
    for (let r = 0; r < count; r++) {
      const vo = maximal[r] * dV;
      for (let c = 0; c < dV; c++) this.sum[so + c] += v[vo + c];
    }
    this.work += count * dV;
    this.average(i, changed, full);
  }

  /** attended_i = sum_i / count_i, entry by entry (attendHead's division); marks i if its bits changed. */
  private average(i: number, changed: RowSet, full: boolean): void {
    const { dV, attended, sum } = this;
    const count = this.count[i];
    let moved = full;
    for (let c = i * dV; c < i * dV + dV; c++) {
      const a = sum[c] / count;
      if (!Object.is(a, attended[c])) moved = true;
      attended[c] = a;
    }
    this.checkOutput(i);
    if (moved) changed.add(i);
  }

  private checkOutput(i: number): void {
    assertFinite(this.attended, i * this.dV, i * this.dV + this.dV, this.dV, (r) => r, { ...this.site, what: "attention output" });
  }
}

/** Copies row r of src into row i of dst; returns whether its bits changed (saving the old row in `old`). */
function store(dst: Float64Array, src: Float64Array, i: number, r: number, width: number, old: Float64Array | null): boolean {
  let moved = false;
  for (let c = 0; c < width; c++) {
    const before = dst[i * width + c];
    if (old) old[r * width + c] = before;
    if (!Object.is(before, src[r * width + c])) moved = true;
    dst[i * width + c] = src[r * width + c];
  }
  return moved;
}

/** Whether every value is an integer and n · max |value| ≤ 2^53 (sums of any subset are then exact). */
function integralValues(v: Float64Array, n: number): boolean {
  let max = 0;
  for (let e = 0; e < v.length; e++) {
    const a = Math.abs(v[e]);
    if (a !== Math.floor(a)) return false;
    if (a > max) max = a;
  }
  return n * max <= EXACT;
}

function sameRow(a: Float64Array, b: Float64Array, bo: number, width: number): boolean {
  for (let c = 0; c < width; c++) if (!Object.is(a[c], b[bo + c])) return false;
  return true;
}
