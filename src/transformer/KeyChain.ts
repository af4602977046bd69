import { EXACT } from "./PointTree.js";
import type { TopLevels } from "./TopLevels.js";

/**
 * A key index for keys that lie on a convex chain, e.g. (pos, pos²) of a head matching a position by
 * −(a − pos)², where a box around part of the keys bounds the scores loosely and a k-d tree search visits
 * about √N nodes. Detected at run time from the key rows alone (KeyChain.detect, null when they do not form
 * one): at most two coordinates u, v vary over the keys (the others contribute the same x_t·k_t to every
 * score; either of the two may be u); the distinct keys ("groups" g_0, …, g_{m−1}), sorted by u, have strictly
 * increasing u; and the steps
 * Δ_i = g_{i+1} − g_i turn one way: the cross products Δu_i·Δv_{i+1} − Δv_i·Δu_{i+1} all ≥ 0 or all ≤ 0.
 *
 * Why a query's two top levels need only O(log m) scores. Let d_i = x·g_{i+1} − x·g_i = x_u·Δu_i + x_v·Δv_i.
 * Every Δ_i points into the open half-plane Δu > 0, so its angle θ_i lies in (−π/2, π/2), and turning one
 * way makes θ_i monotone in i. d_i has the sign of cos(θ_i − φ) (φ the angle of (x_u, x_v); d_i = 0 for
 * all i if x_u = x_v = 0), whose zeros are π apart, so at most one lies in the open interval of length π:
 * the signs of d_0, …, d_{m−2} are monotone in i. Hence, with a the first i where d_i reaches 0 and z the first
 * where it passes 0 (binary searches on the sign), the scores rise strictly up to g_a, are equal on the
 * plateau g_a … g_z, and fall strictly after g_z (signs non-increasing: a peak), or the reverse (a valley).
 * The keys of the two top levels are then among the plateau and the groups a−1, z+1 (a peak: every other group
 * is strictly below one of these) or 0, 1, m−2, m−1 (a valley: the plateau is the lowest level, and from either
 * end the scores fall strictly, so a group past the second from its end has two distinct scores above it); the
 * search feeds those, once each, to TopLevels, which then holds the levels of all keys.
 *
 * Exactness. The keys are integers (the caller checks) with |u|, |v| ≤ 2^52, so every Δ is exact; and
 * max|Δu|·max|Δv| ≤ 2^52 (checked), so every cross product is an exact integer. A search is exact when every
 * score is an exact integer within 2^52 (the caller checks integralBound, as for the k-d tree), so each d_i,
 * a difference of two of them, is exact too. A level's value sum is a difference of two prefix sums of the
 * groups in chain order, exact integers when the values are integers whose partial sums stay within 2^53
 * (the caller checks): the same integer as any other order of addition, and +0 when it is 0.
 */
export class KeyChain {
  private constructor(
    /** Key ids in chain order; a group's keys are contiguous. */
    readonly order: Int32Array,
    /** Group g's keys are order[groupStart[g] .. groupStart[g + 1]). */
    readonly groupStart: Int32Array,
    readonly groups: number,
  ) {}

  /**
   * The chain of the keys k [n, dQK] (integers), or null when they do not form one, along either of the two
   * coordinates that vary; with its cost (operations).
   */
  static detect(k: Float64Array, dQK: number, n: number): { chain: KeyChain | null; work: number } {
    const varying: number[] = [];
    for (let t = 0; t < dQK; t++) {
      for (let j = 1; j < n; j++) {
        if (k[j * dQK + t] === k[t]) continue;
        varying.push(t);
        break;
      }
    }
    let work = n * dQK;
    if (varying.length > 2) return { chain: null, work };
    const [u = -1, v = -1] = varying;
    for (const [a, b] of [[u, v], [v, u]]) {
      const { chain, work: tried } = KeyChain.along(k, dQK, n, a, b);
      work += tried;
      if (chain || v < 0) return { chain, work };
    }
    return { chain: null, work };
  }

  /** The chain of the keys sorted along coordinate u (−1: none varies), v the other coordinate (−1: none), or null. */
  private static along(k: Float64Array, dQK: number, n: number, u: number, v: number): { chain: KeyChain | null; work: number } {
    const at = (j: number, t: number): number => (t < 0 ? 0 : k[j * dQK + t]);
    const order = Int32Array.from({ length: n }, (_, j) => j);
    let work = n;
    let sorted = true;
    for (let j = 0; j < n; j++) {
      if (Math.abs(at(j, u)) > EXACT / 2 || Math.abs(at(j, v)) > EXACT / 2) return { chain: null, work };
      if (j > 0 && at(j, u) < at(j - 1, u)) sorted = false;
    }
    if (!sorted) {
      order.sort((a, b) => at(a, u) - at(b, u));
      work += n * Math.ceil(Math.log2(n));
    }
    const starts = [0];
    let maxDu = 0;
    let maxDv = 0;
    for (let r = 1; r < n; r++) {
      const du = at(order[r], u) - at(order[r - 1], u);
      const dv = at(order[r], v) - at(order[r - 1], v);
      if (du === 0 && dv === 0) continue;
      if (du === 0) return { chain: null, work };
      starts.push(r);
      maxDu = Math.max(maxDu, du);
      maxDv = Math.max(maxDv, Math.abs(dv));
    }
    starts.push(n);
    const m = starts.length - 1;
    if (maxDu * maxDv > EXACT / 2) return { chain: null, work };
    const point = (g: number, t: number): number => at(order[starts[g]], t);
    let left = false;
    let right = false;
    for (let g = 0; g + 2 < m; g++) {
      const cross = (point(g + 1, u) - point(g, u)) * (point(g + 2, v) - point(g + 1, v)) - (point(g + 1, v) - point(g, v)) * (point(g + 2, u) - point(g + 1, u));
      if (cross > 0) left = true;
      if (cross < 0) right = true;
    }
    work += 2 * n;
    if (left && right) return { chain: null, work };
    return { chain: new KeyChain(order, Int32Array.from(starts), m), work };
  }

  /** The value sums of the first g groups, for g = 0 … m, into [m + 1, dV] (exact: see above). */
  prefixSums(v: Float64Array, dV: number): Float64Array {
    const { order, groupStart, groups } = this;
    const sums = new Float64Array((groups + 1) * dV);
    for (let g = 0; g < groups; g++) {
      const o = (g + 1) * dV;
      for (let c = 0; c < dV; c++) sums[o + c] = sums[o - dV + c];
      for (let r = groupStart[g]; r < groupStart[g + 1]; r++) {
        const vo = order[r] * dV;
        for (let c = 0; c < dV; c++) sums[o + c] += v[vo + c];
      }
    }
    return sums;
  }

  /**
   * Feeds `top` the keys of the two top levels of the scores x·k (x = q[qo .. qo + dQK), each score the same
   * dot product as a scan's) and a few more, each once, a group of equal keys as one block with its value
   * sum (from the prefix sums; `scratch` holds dV entries); returns the number of scores computed.
   */
  search(q: Float64Array, qo: number, k: Float64Array, dQK: number, sums: Float64Array, dV: number, scratch: Float64Array, top: TopLevels): number {
    const { order, groupStart, groups: m } = this;
    let scored = 0;
    const score = (g: number): number => {
      const ko = order[groupStart[g]] * dQK;
      let s = 0;
      for (let t = 0; t < dQK; t++) s += q[qo + t] * k[ko + t];
      scored++;
      return s;
    };
    const rise = (i: number): number => score(i + 1) - score(i);
    /** Groups from … to (equal scores) as one block. */
    const feed = (from: number, to: number): void => {
      for (let c = 0; c < dV; c++) scratch[c] = sums[(to + 1) * dV + c] - sums[from * dV + c];
      top.add(score(from), groupStart[to + 1] - groupStart[from], scratch, 0, groupStart[from]);
    };
    const valley = m > 1 && Math.sign(rise(0)) < Math.sign(rise(m - 2));
    /** The first i in [lo, m − 1) where reached(d_i), else m − 1 (reached turns from false to true along i). */
    const first = (lo: number, reached: (d: number) => boolean): number => {
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (reached(rise(mid))) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const a = first(0, valley ? (d) => d >= 0 : (d) => d <= 0);
    const z = first(a, valley ? (d) => d > 0 : (d) => d < 0);
    feed(a, z);
    const picks = valley ? [0, 1, m - 2, m - 1] : [a - 1, z + 1];
    for (let p = 0; p < picks.length; p++) {
      const g = picks[p];
      if (g < 0 || g >= m || (g >= a && g <= z) || picks.indexOf(g) < p) continue;
      feed(g, g);
    }
    return scored;
  }
}
