import { scoreOne, scorePair, softmaxAverage } from "./attendHead.js";
import type { Matmul } from "./matmul.js";
import { assertFinite, NonFiniteError } from "./NonFiniteError.js";
import type { RowSet } from "./RowSet.js";
import type { AttentionKind } from "./transformerConfig.js";
import type { HeadWeights } from "./transformerWeights.js";
import { KeyChain } from "./KeyChain.js";
import { EXACT, integralBound, integralMax, PointTree } from "./PointTree.js";
import { TopLevels } from "./TopLevels.js";
import { widened } from "./widened.js";

/**
 * When the session searches indexes instead of scanning (see HeadCache): "auto" when it pays, "always"
 * whenever exact (for the differential tests), "never".
 */
export type IndexMode = "auto" | "always" | "never";

/**
 * One attention head's state across the passes of a ForwardSession. Queries with the same q row (bit for
 * bit; and, when causal, the same position) see the same scores, so they form one group sharing one state:
 * the two best score levels of the keys the group sees — best (count keys attain it, their values summing to
 * sum) and second, the best score strictly below it (count2 keys; −∞ and 0 when every key ties) — and the
 * head's output sum / count, exactly as attendHead computes it for each member.
 *
 * update(x, dirty) recomputes the q, k, v rows of the positions whose input changed and then only the
 * groups whose output can change (see docs/model-format.md, engine):
 *  - a new group (a q row not seen before), or one whose top level or second level lost its last key, is
 *    rescanned over every key (the reference computation: scores in increasing key order, values summed in
 *    increasing key order from +0);
 *  - any other group follows each changed key from its old score to its new one: a key leaving or joining
 *    the top level moves its value out of or into the sum. This is exact only when every value of the head
 *    is an integer and n · max |value| ≤ 2^53 (then every partial sum is an exact integer, so the sum does
 *    not depend on its order); otherwise such a group is rescanned;
 *  - softmax heads weight every key, so any changed key rescans every group.
 * Scores are dot products in increasing t from +0, the same operations as attendHead's, hence the same bits.
 */
export class HeadCache {
  // Arrays hold `capacity` positions (≥ n): widen() sizes them, in the constructor and when grow() appends
  // to a causal canvas.
  private capacity = 0;
  k = new Float64Array(0);
  v = new Float64Array(0);
  /** Per position: its group's output. */
  attended = new Float64Array(0);
  // Per group g (ids < n): q row, the position that defines it, members, levels, sum and output.
  private gq = new Float64Array(0);
  private gPos = new Int32Array(0);
  private readonly members: number[][] = [];
  private memberAt = new Int32Array(0);
  private groupOf = new Int32Array(0);
  private readonly gKey: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly free: number[] = [];
  private sum = new Float64Array(0);
  private gOut = new Float64Array(0);
  private best = new Float64Array(0);
  private second = new Float64Array(0);
  private count = new Int32Array(0);
  private count2 = new Int32Array(0);
  private moved = new Uint8Array(0);
  private integral = false;
  private scores = new Float64Array(0);
  private maximal = new Int32Array(0);
  /** Groups whose levels must be recomputed over every key before this update ends (rescans are deferred). */
  private pending: number[] = [];
  private queued = new Uint8Array(0);
  // The (group, touched key) pairs a query-index search found, as per-group linked lists.
  private hitFirst = new Int32Array(0);
  private hitLast = new Int32Array(0);
  private hitNext: Int32Array = new Int32Array(16);
  private hitKey: Int32Array = new Int32Array(16);
  private touchedOf = new Int32Array(0);
  /**
   * Per key j, a list of groups that have held j in their top level (a superset: stale entries are harmless,
   * a group follows a key exactly whatever it holds), as linked lists holdFirst[j] → holdGroup/holdNext; and
   * per group, whether its top level was too large to list (such a "wide" group follows every changed key).
   */
  private holdFirst = new Int32Array(0);
  private holdGroup: Int32Array = new Int32Array(64);
  private holdNext: Int32Array = new Int32Array(64);
  private holds = 0;
  private wide = new Uint8Array(0);
  /**
   * The key index, kept while no key changes bits (dropped by update when one does), with the per-coordinate
   * maxima of |k| it was built from, and its value sums (per tree node, or per chain prefix), kept while no
   * value changes bits.
   */
  private keys: KeyIndex | null = null;
  private keyMax = new Float64Array(0);
  private keySums: Float64Array | null = null;
  private readonly chainScratch: Float64Array;
  /** Multiply-adds run by the last update. */
  work = 0;
  /** Scratch of update: new q, k, v rows and the old k, v rows (see update). */
  private readonly buffers = Array.from({ length: 5 }, () => new Float64Array(0));
  /**
   * levels() kept up to date per group: each live group's counted contribution count·|members| and margin
   * best − second as last settled, their total and a multiset of the margins; the groups an update touched
   * (followed, rescanned, joined or left) are settled at its end.
   */
  private live = new Uint8Array(0);
  private averagedOf = new Float64Array(0);
  private marginOf = new Float64Array(0);
  private averaged = 0;
  private readonly margins = new Map<number, number>();
  private leastMargin = Infinity;
  private leastStale = false;
  private settle: number[] = [];
  private unsettled = new Uint8Array(0);
  /** Groups whose output changed bits in this update (moved), to publish. */
  private movedList: number[] = [];
  /** The values' count of non-integers and an upper bound of max |value| (exact after a recount). */
  private nonIntegers = 0;
  private maxValue = 0;

  constructor(
    private readonly w: HeadWeights,
    public n: number,
    readonly d: number,
    readonly dQK: number,
    readonly dV: number,
    readonly causal: boolean,
    readonly kind: AttentionKind,
    readonly site: { readonly layer: number; readonly head: number },
    private readonly indexMode: IndexMode = "auto",
  ) {
    this.widen(n);
    for (let g = n - 1; g >= 0; g--) this.free.push(g);
    this.chainScratch = new Float64Array(dV);
  }

  /**
   * Appends positions n .. to − 1 to a causal head (an ARM's canvas grows at its end). No existing query
   * sees them (j > i), so every group keeps its state; the new positions hold no key, value or group until
   * the next update computes them (the session passes them as dirty), and their groups are new: rescanned.
   * The arrays widen to twice their capacity when full, so appending one position at a time costs O(1)
   * amortised per entry.
   */
  grow(to: number): void {
    if (!this.causal || to < this.n) throw new Error(`HeadCache.grow: a causal head grows (n = ${this.n} → ${to})`);
    if (to > this.capacity) this.widen(Math.max(to, 2 * this.capacity));
    for (let g = to - 1; g >= this.n; g--) this.free.push(g);
    this.n = to;
  }

  /** Widens every per-position array to `c` entries (new positions: no key, value or group yet). */
  private widen(c: number): void {
    const { dQK, dV } = this;
    this.k = widened(this.k, c * dQK);
    this.v = widened(this.v, c * dV);
    this.attended = widened(this.attended, c * dV);
    this.gq = widened(this.gq, c * dQK);
    this.gPos = widened(this.gPos, c);
    this.members.length = c;
    this.memberAt = widened(this.memberAt, c);
    this.groupOf = widened(this.groupOf, c, -1);
    for (let g = this.gKey.length; g < c; g++) this.gKey.push("");
    this.sum = widened(this.sum, c * dV);
    this.gOut = widened(this.gOut, c * dV);
    this.best = widened(this.best, c);
    this.second = widened(this.second, c);
    this.count = widened(this.count, c);
    this.count2 = widened(this.count2, c);
    this.moved = widened(this.moved, c);
    this.scores = widened(this.scores, 2 * c);
    this.maximal = widened(this.maximal, c);
    this.queued = widened(this.queued, c);
    this.hitFirst = widened(this.hitFirst, c, -1);
    this.hitLast = widened(this.hitLast, c, -1);
    this.touchedOf = widened(this.touchedOf, c);
    this.holdFirst = widened(this.holdFirst, c, -1);
    this.wide = widened(this.wide, c);
    this.live = widened(this.live, c);
    this.averagedOf = widened(this.averagedOf, c);
    this.marginOf = widened(this.marginOf, c);
    this.unsettled = widened(this.unsettled, c);
    this.capacity = c;
  }

  /** Over every query: Σ |S_i| (the keys averaged) and the smallest best − second (forward's meters). */
  levels(): { averaged: number; minMargin: number } {
    if (this.leastStale) {
      this.leastMargin = Infinity;
      for (const margin of this.margins.keys()) if (margin < this.leastMargin) this.leastMargin = margin;
      this.leastStale = false;
    }
    return { averaged: this.averaged, minMargin: this.leastMargin };
  }

  /** Records that group g's levels or members may change in this update (settled at its end). */
  private touch(g: number): void {
    if (this.unsettled[g]) return;
    this.unsettled[g] = 1;
    this.settle.push(g);
  }

  /** Moves the touched groups' contributions to levels() from their settled values to their current ones. */
  private settleLevels(): void {
    for (const g of this.settle) {
      this.unsettled[g] = 0;
      const wasLive = this.live[g] === 1;
      const members = this.members[g];
      const live = members !== undefined && members.length > 0;
      this.live[g] = live ? 1 : 0;
      if (wasLive) this.averaged -= this.averagedOf[g];
      this.averagedOf[g] = live ? this.count[g] * members.length : 0;
      this.averaged += this.averagedOf[g];
      const margin = this.best[g] - this.second[g];
      if (wasLive && live && margin === this.marginOf[g]) continue;
      if (wasLive) this.dropMargin(this.marginOf[g]);
      if (!live) continue;
      this.marginOf[g] = margin;
      this.margins.set(margin, (this.margins.get(margin) ?? 0) + 1);
      if (margin < this.leastMargin) this.leastMargin = margin;
    }
    this.settle.length = 0;
  }

  /** Removes one group's margin from the multiset (the least is recomputed when its last one goes). */
  private dropMargin(margin: number): void {
    const left = this.margins.get(margin)! - 1;
    if (left > 0) this.margins.set(margin, left);
    else {
      this.margins.delete(margin);
      if (margin === this.leastMargin) this.leastStale = true;
    }
  }

  /** Flags group g's output as changed (to publish at the end of the update). */
  private move(g: number): void {
    if (this.moved[g]) return;
    this.moved[g] = 1;
    this.movedList.push(g);
  }

  /**
   * rows [m, d] are the layer's new input rows at the positions `dirty` (all positions when `full`). Adds
   * to `changed` every query whose output row changed bits (every query on a full pass).
   */
  update(rows: Float64Array, dirty: Int32Array, full: boolean, matmul: Matmul, changed: RowSet): void {
    const { n, d, dQK, dV } = this;
    this.work = 0;
    const m = dirty.length;
    // The rows' new q, k, v and the k, v they replace, in buffers kept across updates (views of m rows).
    const buffer = (b: number, width: number): Float64Array => {
      if (this.buffers[b].length < m * width) this.buffers[b] = new Float64Array(Math.max(m * width, 2 * this.buffers[b].length));
      return this.buffers[b].subarray(0, m * width);
    };
    const fresh = (b: number, w: Float64Array, width: number, what: string): Float64Array => {
      const out = buffer(b, width);
      matmul(rows, m, d, w, width, out);
      assertFinite(out, 0, m * width, width, (r) => dirty[r], { ...this.site, what });
      return out;
    };
    const qNew = fresh(0, this.w.wq, dQK, "query");
    const kNew = fresh(1, this.w.wk, dQK, "key");
    const vNew = fresh(2, this.w.wv, dV, "value");
    this.work += m * d * (2 * dQK + dV);
    const wasIntegral = this.integral;
    const kOld = buffer(3, dQK);
    const vOld = buffer(4, dV);
    const touched: number[] = [];
    for (let r = 0; r < m; r++) {
      const i = dirty[r];
      const kMoved = store(this.k, kNew, i, r, dQK, kOld);
      const vMoved = store(this.v, vNew, i, r, dV, vOld);
      if (kMoved || vMoved) touched.push(r);
      if (kMoved) this.keys = null;
      if (vMoved) this.keySums = null;
      for (let c = r * dV; c < r * dV + dV; c++) {
        this.nonIntegers += (Number.isInteger(vNew[c]) ? 0 : 1) - (Number.isInteger(vOld[c]) ? 0 : 1);
        const a = Math.abs(vNew[c]);
        if (a > this.maxValue) this.maxValue = a;
      }
    }
    // The bound maxValue only rises; recounted when it alone would deny exactness, as a scan of every value decides.
    if (this.nonIntegers === 0 && n * this.maxValue > EXACT) this.maxValue = maxAbs(this.v, n * dV);
    this.integral = this.nonIntegers === 0 && n * this.maxValue <= EXACT;
    const sumsExact = wasIntegral && this.integral;
    if (full) {
      for (const g of this.index.values()) this.free.push(g);
      this.index.clear();
      this.groupOf.fill(-1);
      this.live.fill(0);
      this.averaged = 0;
      this.margins.clear();
      this.leastMargin = Infinity;
      this.leastStale = false;
    } else if (touched.length > 0) {
      // Under causal attention a key j reaches only the queries i ≥ j: the groups of positions from the least touched key on.
      const reached = this.causal ? this.groupsFrom(touched.reduce((j, r) => Math.min(j, dirty[r]), this.n)) : null;
      const all = Int32Array.from(touched);
      // Following costs two scores per (group, touched key), a rescan one per key: with half the keys touched, rescan.
      if (this.kind.kind === "softmax" || 2 * touched.length >= n) for (const g of reached ?? this.index.values()) this.queue(g);
      else if (reached) for (const g of reached) this.follow(g, dirty, all, all.length, kOld, kNew, vOld, vNew, sumsExact);
      else if (!this.followIndexed(dirty, touched, kOld, kNew, vOld, vNew, sumsExact)) {
        for (const g of this.index.values()) this.follow(g, dirty, all, all.length, kOld, kNew, vOld, vNew, sumsExact);
      }
    }
    // Queries whose q row changed (all of them on a full pass) move to the group of their new row.
    const rejoined: number[] = [];
    for (let r = 0; r < m; r++) {
      const i = dirty[r];
      const key = rowKey(qNew, r * dQK, dQK, this.causal ? i : -1);
      const old = this.groupOf[i];
      if (old >= 0 && this.gKey[old] === key) continue;
      if (old >= 0) this.leave(i, old);
      let g = this.index.get(key);
      if (g === undefined) {
        g = this.free.pop()!;
        this.index.set(key, g);
        this.gKey[g] = key;
        this.gq.set(qNew.subarray(r * dQK, r * dQK + dQK), g * dQK);
        this.gPos[g] = i;
        this.queue(g);
      }
      const members = (this.members[g] ??= []);
      this.memberAt[i] = members.length;
      members.push(i);
      this.groupOf[i] = g;
      this.touch(g);
      rejoined.push(i);
    }
    if (this.holds > 16 * n + 1024) {
      // Too many stale holds: forget them all, and rescan every group to record its top level afresh.
      this.holdFirst.fill(-1);
      this.holds = 0;
      for (const g of this.index.values()) this.queue(g);
    }
    this.flushRescans();
    for (const g of this.movedList) {
      if (!this.moved[g]) continue;
      this.moved[g] = 0;
      for (const i of this.members[g]) this.publish(i, g, full, changed);
    }
    this.movedList.length = 0;
    for (const i of rejoined) this.publish(i, this.groupOf[i], full, changed);
    this.settleLevels();
  }

  /** The groups of the positions from `from` on, in increasing position (causal groups hold one position each). */
  private groupsFrom(from: number): number[] {
    const groups: number[] = [];
    for (let i = from; i < this.n; i++) if (this.groupOf[i] >= 0) groups.push(this.groupOf[i]);
    return groups;
  }

  private leave(i: number, g: number): void {
    this.touch(g);
    const list = this.members[g];
    const last = list.pop()!;
    if (last !== i) {
      list[this.memberAt[i]] = last;
      this.memberAt[last] = this.memberAt[i];
    }
    if (list.length === 0) {
      this.index.delete(this.gKey[g]);
      this.moved[g] = 0;
      this.queued[g] = 0;
      this.wide[g] = 0;
      this.free.push(g);
    }
  }

  /** Copies group g's output to position i's row; marks i if its bits changed. */
  private publish(i: number, g: number, full: boolean, changed: RowSet): void {
    const { dV, attended, gOut } = this;
    let moved = full;
    for (let c = 0; c < dV; c++) {
      const a = gOut[g * dV + c];
      if (!Object.is(a, attended[i * dV + c])) moved = true;
      attended[i * dV + c] = a;
    }
    if (moved) changed.add(i);
  }

  /**
   * A group follows each touched key from its old score so to its new score sn,
   * keeping its two top levels exact; where a level's content would become unknown (the top level emptied
   * without a new key above the second level, the second level emptied) or a sum would need an inexact
   * update, it is rescanned instead. Replacing the sum by 0 + v (a single top key) is always exact.
   */
  private follow(g: number, dirty: Int32Array, touched: Int32Array, touchedCount: number, kOld: Float64Array, kNew: Float64Array, vOld: Float64Array, vNew: Float64Array, sumsExact: boolean): void {
    this.touch(g);
    const { dQK, dV, gq: q, sum } = this;
    const qo = g * dQK;
    const so0 = g * dV;
    let best = this.best[g];
    let count = this.count[g];
    let second = this.second[g];
    let count2 = this.count2[g];
    let top = false;
    const add = (from: Float64Array, vo: number, sign: 1 | -1 | 0): void => {
      for (let c = 0; c < dV; c++) sum[so0 + c] = sign === 0 ? 0 + from[vo + c] : sign > 0 ? sum[so0 + c] + from[vo + c] : sum[so0 + c] - from[vo + c];
      this.work += dV;
      top = true;
    };
    /** The key joins the level of its new score sn; false when that needs an inexact sum. */
    const join = (sn: number, vo: number, j: number): boolean => {
      if (sn > best) {
        second = best;
        count2 = count;
        best = sn;
        count = 1;
        add(vNew, vo, 0);
        this.hold(j, g);
      } else if (sn === best) {
        if (!sumsExact) return false;
        count++;
        add(vNew, vo, 1);
        this.hold(j, g);
      } else if (sn > second) {
        second = sn;
        count2 = 1;
      } else if (sn === second) count2++;
      return true;
    };
    for (let h = 0; h < touchedCount; h++) {
      const r = touched[h];
      const j = dirty[r];
      if (this.causal && j > this.gPos[g]) continue;
      let so = 0;
      let sn = 0;
      for (let t = 0; t < dQK; t++) so += q[qo + t] * kOld[r * dQK + t];
      for (let t = 0; t < dQK; t++) sn += q[qo + t] * kNew[r * dQK + t];
      this.work += 2 * dQK;
      if (!(sn - sn === 0)) throw new NonFiniteError({ ...this.site, position: this.gPos[g], what: "score" }, sn);
      const vo = r * dV;
      if (so === sn) {
        if (so !== best) continue;
        if (!sumsExact) return this.queue(g);
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
          this.hold(j, g);
        } else if (--count === 0) {
          if (!(sn > second)) return this.queue(g);
          best = sn;
          count = 1;
          add(vNew, vo, 0);
          this.hold(j, g);
        } else {
          if (!sumsExact) return this.queue(g);
          add(vOld, vo, -1);
          join(sn, vo, j);
        }
      } else {
        // Leaving the second level matters unless the key rises above it to a level other than the top.
        if (so === second && !(sn > second && sn !== best) && --count2 === 0) return this.queue(g);
        if (!join(sn, vo, j)) return this.queue(g);
      }
    }
    this.best[g] = best;
    this.count[g] = count;
    this.second[g] = second;
    this.count2[g] = count2;
    if (top) this.average(g);
  }

  /** Marks group g for a rescan at the end of this update (keys do not change in between: the same result). */
  private queue(g: number): void {
    if (this.queued[g]) return;
    this.queued[g] = 1;
    this.pending.push(g);
  }

  /**
   * Rescans the queued groups: by a search of a key index (a chain of keys, or a PointTree over all keys, each
   * node with the value sum of its keys) when that is exact and pays, otherwise over every key in order
   * (rescan).
   */
  private flushRescans(): void {
    // A group id queued, freed and reused is pending twice: take each queued id once.
    const list: number[] = [];
    for (const g of this.pending) {
      if (!this.queued[g]) continue;
      this.queued[g] = 0;
      list.push(g);
    }
    this.pending = [];
    if (list.length === 0) return;
    const index = this.keyIndex(list);
    if (!index) {
      // Two groups at a time: their scores against the keys both see share every load of a key row.
      for (let r = 0; r < list.length; r += 2) {
        if (r + 1 === list.length) {
          scoreOne(this.gq, this.k, this.dQK, list[r], this.keysOf(list[r]), this.scores);
          this.rescan(list[r], 0);
        } else {
          scorePair(this.gq, this.k, this.dQK, list[r], list[r + 1], Math.max(this.keysOf(list[r]), this.keysOf(list[r + 1])), this.n, this.scores);
          this.rescan(list[r], 0);
          this.rescan(list[r + 1], this.n);
        }
      }
      return;
    }
    if (index.kind === "chain") {
      const { chain } = index;
      if (!this.keySums) {
        this.keySums = chain.prefixSums(this.v, this.dV);
        this.work += this.n * this.dV;
      }
      for (const g of list) this.searchChain(g, chain, this.keySums);
      return;
    }
    this.keySums ??= this.nodeSums(index.tree);
    for (const g of list) this.searchKeys(g, index.tree, this.keySums);
  }

  /**
   * A key index for rescanning `groups`, or null when a scan is required or cheaper: softmax (every key is
   * weighted), causal heads (each query sees its own prefix), non-integral values (the sums would depend on
   * their order), non-integral or too large q·k (the bounds would not be exact), or too few groups to repay
   * the build (mode auto). The keys' chain when they form one (KeyChain), else a k-d tree.
   */
  private keyIndex(groups: readonly number[]): KeyIndex | null {
    const { n, dQK } = this;
    if (this.kind.kind !== "average-hard" || this.causal || !this.integral || this.indexMode === "never" || n === 0) return null;
    // A build costs about (dQK + 3)·N·log2 N, a scan dQK·N per group; a kept index costs nothing.
    if (this.indexMode === "auto" && !this.keys && groups.length * dQK < (dQK + 3) * Math.log2(n + 1) + 8) return null;
    if (!this.keys) {
      const all = Int32Array.from({ length: n }, (_, j) => j);
      this.keyMax = new Float64Array(dQK);
      const integral = integralMax(this.k, dQK, all, n, this.keyMax);
      this.work += n * dQK;
      if (!integral) return null;
      const { chain, work } = KeyChain.detect(this.k, dQK, n);
      this.work += work;
      this.keys = chain ? { kind: "chain", chain } : { kind: "tree", tree: new PointTree(this.k, dQK, all, 4) };
      this.keySums = null;
    }
    const qMax = new Float64Array(dQK);
    if (!integralMax(this.gq, dQK, groups, groups.length, qMax) || !integralBound(qMax, this.keyMax)) return null;
    return this.keys;
  }

  /** Per node of a key index, the sum of its keys' values (exact: the values are integral, N·max|v| ≤ 2^53). */
  private nodeSums(tree: PointTree): Float64Array {
    const { dV, v } = this;
    const sums = new Float64Array(tree.nodes * dV);
    for (let node = tree.nodes - 1; node >= 0; node--) {
      const o = node * dV;
      if (tree.left[node] < 0) {
        for (let r = tree.start[node]; r < tree.end[node]; r++) {
          const vo = tree.order[r] * dV;
          for (let c = 0; c < dV; c++) sums[o + c] += v[vo + c];
        }
      } else {
        const a = tree.left[node] * dV;
        const b = tree.right[node] * dV;
        for (let c = 0; c < dV; c++) sums[o + c] = sums[a + c] + sums[b + c];
      }
    }
    this.work += tree.nodes * dV;
    return sums;
  }

  /**
   * Group g's two top levels by branch and bound over the key index: a node whose bound is below the second
   * level cannot hold a key of either level and is skipped; a node of equal keys is taken whole (its count and
   * value sum); the child with the larger bound is searched first. Scores are the same dot products as
   * rescan's and the levels the same sets, so best, second and their counts are rescan's; the value sum is the
   * same integer (integral values: any order gives the exact sum).
   */
  private searchKeys(g: number, tree: PointTree, sums: Float64Array): void {
    this.touch(g);
    const { dQK, dV, gq: q, k, v } = this;
    const qo = g * dQK;
    const top = new TopLevels(this.sum, g * dV, dV, HOLD_LIMIT);
    let visited = 0;
    let scored = 0;
    const stack = [0];
    while (stack.length > 0) {
      const node = stack.pop()!;
      visited++;
      if (tree.bound(node, q, qo) < top.second) continue;
      if (tree.single[node]) {
        let s = 0;
        const ko = tree.order[tree.start[node]] * dQK;
        for (let t = 0; t < dQK; t++) s += q[qo + t] * k[ko + t];
        scored++;
        top.add(s, tree.end[node] - tree.start[node], sums, node * dV, tree.start[node]);
      } else if (tree.left[node] < 0) {
        for (let r = tree.start[node]; r < tree.end[node]; r++) {
          const j = tree.order[r];
          let s = 0;
          for (let t = 0; t < dQK; t++) s += q[qo + t] * k[j * dQK + t];
          scored++;
          top.add(s, 1, v, j * dV, r);
        }
      } else {
        const a = tree.left[node];
        const b = tree.right[node];
        const first = tree.bound(a, q, qo) >= tree.bound(b, q, qo);
        stack.push(first ? b : a, first ? a : b);
        visited += 2;
      }
    }
    this.work += (visited + scored) * dQK + top.count * dV;
    this.adopt(g, top, tree.order);
  }

  /** Group g's two top levels from the keys' chain (KeyChain.search: the same levels, sum and scores as rescan's). */
  private searchChain(g: number, chain: KeyChain, sums: Float64Array): void {
    this.touch(g);
    const { dQK, dV } = this;
    const top = new TopLevels(this.sum, g * dV, dV, HOLD_LIMIT);
    const scored = chain.search(this.gq, g * dQK, this.k, dQK, sums, dV, this.chainScratch, top);
    this.work += scored * dQK + top.count * dV;
    this.adopt(g, top, chain.order);
  }

  /** Stores a search's levels as group g's, records the keys it holds (`order` maps the listed ranges to keys), and averages. */
  private adopt(g: number, top: TopLevels, order: Int32Array): void {
    if (top.listed > HOLD_LIMIT) this.wide[g] = 1;
    else top.from.forEach((from, r) => {
      for (let e = from; e < top.to[r]; e++) this.hold(order[e], g);
    });
    this.best[g] = top.best;
    this.second[g] = top.second;
    this.count[g] = top.count;
    this.count2[g] = top.count2;
    this.move(g);
    this.average(g);
  }

  /**
   * The follow step without visiting every group. A touched key matters to a group only if its old or its new
   * score reaches the group's second level (a key below it before and after changes neither level, and the
   * second level only rises while a group follows its keys); a key whose k row kept its bits (only its value
   * changed) matters only to the groups holding it in their top level. So a key whose k changed searches a
   * query index (PointTree over the groups' q rows, each node with the least second level of its groups) for
   * the groups its old or new score can reach, and a key whose k kept its bits visits the groups listed as
   * holding it (a superset) and the wide ones; each group found follows just those keys, in the same order.
   * Returns false (the caller follows every group) when the index would not be exact (non-integral or too
   * large q·k) or does not pay (mode auto).
   */
  private followIndexed(dirty: Int32Array, touched: readonly number[], kOld: Float64Array, kNew: Float64Array, vOld: Float64Array, vNew: Float64Array, sumsExact: boolean): boolean {
    const { dQK, gq: q } = this;
    const groups = Int32Array.from(this.index.values());
    const G = groups.length;
    const m = touched.length;
    if (this.indexMode === "never" || G === 0) return false;
    if (this.indexMode === "auto" && (G < 64 || m * G < 8 * G * Math.log2(G + 1))) return false;
    const moved = touched.filter((r) => !sameRow(kOld, kNew, r * dQK, dQK));
    let tree: PointTree | null = null;
    const floor = new Float64Array(0);
    if (moved.length > 0) {
      const qMax = new Float64Array(dQK);
      const kMax = new Float64Array(dQK);
      const oldMax = new Float64Array(dQK);
      const rows = Int32Array.from(moved);
      if (!integralMax(q, dQK, groups, G, qMax) || !integralMax(kOld, dQK, rows, rows.length, oldMax) || !integralMax(kNew, dQK, rows, rows.length, kMax)) return false;
      for (let t = 0; t < dQK; t++) if (oldMax[t] > kMax[t]) kMax[t] = oldMax[t];
      if (!integralBound(qMax, kMax)) return false;
      tree = new PointTree(q, dQK, groups, 4);
      this.work += G * dQK;
    }
    const least = tree ? this.leastSecond(tree) : floor;
    const wideGroups = groups.filter((g) => this.wide[g] === 1);
    let pairs = 0;
    const found: number[] = [];
    const hit = (g: number, r: number): void => {
      if (this.hitLast[g] >= 0 && this.hitKey[this.hitLast[g]] === r) return;
      if (pairs === this.hitKey.length) {
        this.hitNext = widened(this.hitNext, 2 * this.hitNext.length);
        this.hitKey = widened(this.hitKey, 2 * this.hitKey.length);
      }
      this.hitKey[pairs] = r;
      this.hitNext[pairs] = -1;
      if (this.hitFirst[g] < 0) {
        this.hitFirst[g] = pairs;
        found.push(g);
      } else this.hitNext[this.hitLast[g]] = pairs;
      this.hitLast[g] = pairs++;
    };
    const stack: number[] = [];
    let visited = 0;
    for (const r of touched) {
      if (!tree || sameRow(kOld, kNew, r * dQK, dQK)) {
        for (let e = this.holdFirst[dirty[r]]; e >= 0; e = this.holdNext[e]) hit(this.holdGroup[e], r);
        for (const g of wideGroups) hit(g, r);
        visited += wideGroups.length;
        continue;
      }
      for (const key of [kOld, kNew]) {
        stack.push(0);
        while (stack.length > 0) {
          const node = stack.pop()!;
          visited++;
          if (tree.bound(node, key, r * dQK) < least[node]) continue;
          if (tree.left[node] >= 0) {
            stack.push(tree.left[node], tree.right[node]);
            continue;
          }
          for (let e = tree.start[node]; e < tree.end[node]; e++) {
            const g = tree.order[e];
            let s = 0;
            for (let t = 0; t < dQK; t++) s += q[g * dQK + t] * key[r * dQK + t];
            visited++;
            if (s >= this.second[g]) hit(g, r);
          }
        }
      }
    }
    this.work += visited * dQK;
    for (const g of found) {
      let count = 0;
      for (let p = this.hitFirst[g]; p >= 0; p = this.hitNext[p]) this.touchedOf[count++] = this.hitKey[p];
      this.hitFirst[g] = -1;
      this.hitLast[g] = -1;
      this.follow(g, dirty, this.touchedOf, count, kOld, kNew, vOld, vNew, sumsExact);
    }
    return true;
  }

  /** Per node of a query index, the least second level of its groups. */
  private leastSecond(tree: PointTree): Float64Array {
    const least = new Float64Array(tree.nodes);
    for (let node = tree.nodes - 1; node >= 0; node--) {
      if (tree.left[node] < 0) {
        let low = Infinity;
        for (let r = tree.start[node]; r < tree.end[node]; r++) low = Math.min(low, this.second[tree.order[r]]);
        least[node] = low;
      } else least[node] = Math.min(least[tree.left[node]], least[tree.right[node]]);
    }
    return least;
  }

  /** The keys group g's queries see: every key, or under causal attention those up to its position. */
  private keysOf(g: number): number {
    return this.causal ? this.gPos[g] + 1 : this.n;
  }

  /**
   * Recomputes group g over every key its queries see, in the reference order, from its scores at
   * scores[row ..] (scoreOne, scorePair: the same sums as a scan's).
   */
  private rescan(g: number, row: number): void {
    this.touch(g);
    const { dV, v, scores, maximal } = this;
    const keys = this.keysOf(g);
    let best = -Infinity;
    let second = -Infinity;
    let count = 0;
    let count2 = 0;
    for (let j = 0; j < keys; j++) {
      const s = scores[row + j];
      if (!(s - s === 0)) throw new NonFiniteError({ ...this.site, position: this.gPos[g], what: "score" }, s);
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
    this.work += keys * this.dQK;
    this.best[g] = best;
    this.second[g] = second;
    this.count[g] = count;
    this.count2[g] = count2;
    this.move(g);
    if (this.kind.kind === "softmax") {
      softmaxAverage(scores, row, keys, best, this.kind.beta, v, dV, this.gOut, g * dV);
      this.work += keys * dV;
      this.checkOutput(g);
      return;
    }
    const so = g * dV;
    this.sum.fill(0, so, so + dV);
    for (let r = 0; r < count; r++) {
      const vo = maximal[r] * dV;
      for (let c = 0; c < dV; c++) this.sum[so + c] += v[vo + c];
    }
    this.work += count * dV;
    if (count > HOLD_LIMIT) this.wide[g] = 1;
    else for (let r = 0; r < count; r++) this.hold(maximal[r], g);
    this.average(g);
  }

  /** Records that group g holds key j in its top level. */
  private hold(j: number, g: number): void {
    if (this.holds === this.holdGroup.length) {
      this.holdGroup = widened(this.holdGroup, 2 * this.holdGroup.length);
      this.holdNext = widened(this.holdNext, 2 * this.holdNext.length);
    }
    this.holdGroup[this.holds] = g;
    this.holdNext[this.holds] = this.holdFirst[j];
    this.holdFirst[j] = this.holds++;
  }

  /** Group g's output = sum / count, entry by entry (attendHead's division); flags g if its bits changed. */
  private average(g: number): void {
    const { dV, gOut, sum } = this;
    const count = this.count[g];
    for (let c = g * dV; c < g * dV + dV; c++) {
      const a = sum[c] / count;
      if (!Object.is(a, gOut[c])) this.move(g);
      gOut[c] = a;
    }
    this.checkOutput(g);
  }

  private checkOutput(g: number): void {
    assertFinite(this.gOut, g * this.dV, g * this.dV + this.dV, this.dV, () => this.gPos[g], { ...this.site, what: "attention output" });
  }
}

/** A key index: the keys' chain when they form one, else a k-d tree over them. */
type KeyIndex = { readonly kind: "chain"; readonly chain: KeyChain } | { readonly kind: "tree"; readonly tree: PointTree };

/** Top levels of at most this many keys are listed per key (HeadCache's holds); larger ones mark the group wide. */
const HOLD_LIMIT = 8;

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

/** Whether rows at a[o ..] of kOld and kNew hold the same bits (−0 apart from +0). */
function sameRow(a: Float64Array, b: Float64Array, o: number, width: number): boolean {
  for (let c = o; c < o + width; c++) if (!Object.is(a[c], b[c])) return false;
  return true;
}

/** max |a[e]| over the first `length` entries. */
function maxAbs(a: Float64Array, length: number): number {
  let max = 0;
  for (let e = 0; e < length; e++) {
    const x = Math.abs(a[e]);
    if (x > max) max = x;
  }
  return max;
}

/** A row's bits as a string key (−0 apart from +0), with the position appended when queries are causal. */
function rowKey(a: Float64Array, from: number, width: number, position: number): string {
  let key = position >= 0 ? `${position}:` : "";
  for (let c = 0; c < width; c++) {
    const x = a[from + c];
    key += Object.is(x, -0) ? "-0," : `${x},`;
  }
  return key;
}
