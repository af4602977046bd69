import { NonFiniteError } from "./NonFiniteError.js";
import type { AttentionKind } from "./transformerConfig.js";

/** Buffers one head reuses for every query: `scores` holds two queries' scores, `maximal` one query's maximal keys. */
export interface AttendScratch {
  /** At least 2n entries. */
  readonly scores: Float64Array;
  /** At least n entries. */
  readonly maximal: Int32Array;
}

/** What one head measured: the smallest score margin over its queries and the multiply-adds it ran. */
export interface AttendMeter {
  readonly minMargin: number;
  readonly multiplyAdds: number;
}

/**
 * One attention head over all n queries. q, k are [n, dQK], v is [n, dV], out [n, dV] is overwritten.
 * Query i sees keys j < n (j ≤ i when causal); score(i, j) = Σ_t q[i, t]·k[j, t], summed from +0 in
 * increasing t.
 *  - average-hard: out_i = (Σ v_j over the keys j whose score === the maximum, in increasing j, from +0)
 *    / (their count).
 *  - softmax: w_j = exp(β·(score(i, j) − max)); out_i = (Σ_j w_j·v_j) / (Σ_j w_j), both sums in increasing j.
 * The margin of a query is its best score − the best score strictly below it (Infinity when every key
 * ties). `selected`, when given, receives each query's maximal keys. Multiply-adds: dQK per (query,
 * visible key) for the scores, plus dV per value entry added (average-hard) or weighted (softmax).
 * A non-finite score is a NonFiniteError naming `site` (layer, head) and the query.
 */
export function attendHead(
  q: Float64Array,
  k: Float64Array,
  v: Float64Array,
  n: number,
  dQK: number,
  dV: number,
  causal: boolean,
  kind: AttentionKind,
  out: Float64Array,
  scratch: AttendScratch,
  selected: number[][] | null,
  site: { readonly layer: number; readonly head: number },
): AttendMeter {
  const { scores, maximal } = scratch;
  const top = new Float64Array(2);
  let minMargin = Infinity;
  let multiplyAdds = 0;
  const finish = (i: number, row: number, keys: number): void => {
    multiplyAdds += keys * dQK;
    const count = maximalKeys(scores, row, keys, maximal, top);
    if (count < 0) throw new NonFiniteError({ ...site, position: i, what: "score" }, firstNonFinite(scores, row, keys));
    if (top[0] - top[1] < minMargin) minMargin = top[0] - top[1];
    if (kind.kind === "average-hard") multiplyAdds += dV * averageOf(maximal, count, v, dV, out, i * dV);
    else multiplyAdds += dV * softmaxAverage(scores, row, keys, top[0], kind.beta, v, dV, out, i * dV);
    if (selected) selected[i] = Array.from(maximal.subarray(0, count));
  };
  // Two queries at a time: their scores against the keys both see land in scores[0..) and scores[n..).
  for (let i = 0; i < n; i += 2) {
    const keys = (query: number) => (causal ? query + 1 : n);
    if (i + 1 < n) {
      scorePair(q, k, dQK, i, i + 1, keys(i + 1), n, scores);
      finish(i, 0, keys(i));
      finish(i + 1, n, keys(i + 1));
    } else {
      scoreOne(q, k, dQK, i, keys(i), scores);
      finish(i, 0, keys(i));
    }
  }
  return { minMargin, multiplyAdds };
}

/**
 * One pass over scores[row .. row + keys): top[0] = the maximum, top[1] = the largest score strictly below
 * it (−∞ if none); the keys attaining the maximum go, in increasing order, to maximal[0 .. count), and
 * count is returned; −1 for any non-finite score (a −∞ first key too: before, it tied with the initial −∞
 * and a finite key after it took over, so the full and dense engines decoded past it; fuzz seed 2027).
 */
export function maximalKeys(scores: Float64Array, row: number, keys: number, maximal: Int32Array, top: Float64Array): number {
  let best = -Infinity;
  let second = -Infinity;
  let count = 0;
  for (let j = 0; j < keys; j++) {
    const s = scores[row + j];
    if (s > best) {
      second = best;
      best = s;
      maximal[0] = j;
      count = 1;
    } else if (s === best && count > 0) maximal[count++] = j; // count > 0: best is a score, not the −∞ it starts from
    else if (s > second) second = s;
    else if (!(s >= -Number.MAX_VALUE)) return -1;
  }
  top[0] = best;
  top[1] = second;
  return Number.isFinite(best) ? count : -1;
}

/** The first non-finite score of scores[row .. row + keys). */
export function firstNonFinite(scores: Float64Array, row: number, keys: number): number {
  for (let j = 0; j < keys; j++) if (!Number.isFinite(scores[row + j])) return scores[row + j];
  return NaN;
}

/** out[oo ..] = the mean of v_j over the keys maximal[0 .. count), summed in that order; returns count. */
function averageOf(maximal: Int32Array, count: number, v: Float64Array, dV: number, out: Float64Array, oo: number): number {
  out.fill(0, oo, oo + dV);
  for (let m = 0; m < count; m++) {
    const vo = maximal[m] * dV - oo;
    for (let c = oo; c < oo + dV; c++) out[c] += v[vo + c];
  }
  for (let c = oo; c < oo + dV; c++) out[c] /= count;
  return count;
}

/** out[oo ..] = Σ_j w_j·v_j / Σ_j w_j with w_j = exp(β·(score_j − best)); returns the keys weighted. */
export function softmaxAverage(scores: Float64Array, row: number, keys: number, best: number, beta: number, v: Float64Array, dV: number, out: Float64Array, oo: number): number {
  out.fill(0, oo, oo + dV);
  let total = 0;
  for (let j = 0; j < keys; j++) {
    const w = Math.exp(beta * (scores[row + j] - best));
    total += w;
    const vo = j * dV - oo;
    for (let c = oo; c < oo + dV; c++) out[c] += w * v[vo + c];
  }
  for (let c = oo; c < oo + dV; c++) out[c] /= total;
  return keys;
}

/**
 * scores[j] = q_a·k_j and scores[n + j] = q_b·k_j (rows a and b of q) for j < keys, each summed from +0 in
 * increasing t, four keys at a time: the eight sums are independent, so they overlap and share each load.
 */
export function scorePair(q: Float64Array, k: Float64Array, dQK: number, a: number, b: number, keys: number, n: number, scores: Float64Array): void {
  const qa = a * dQK;
  const qb = b * dQK;
  let j = 0;
  for (; j + 3 < keys; j += 4) {
    const k0 = j * dQK;
    const k1 = k0 + dQK;
    const k2 = k1 + dQK;
    const k3 = k2 + dQK;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
    for (let t = 0; t < dQK; t++) {
      const u = q[qa + t];
      const w = q[qb + t];
      const c0 = k[k0 + t];
      const c1 = k[k1 + t];
      const c2 = k[k2 + t];
      const c3 = k[k3 + t];
      a0 += u * c0;
      a1 += u * c1;
      a2 += u * c2;
      a3 += u * c3;
      b0 += w * c0;
      b1 += w * c1;
      b2 += w * c2;
      b3 += w * c3;
    }
    scores[j] = a0;
    scores[j + 1] = a1;
    scores[j + 2] = a2;
    scores[j + 3] = a3;
    scores[n + j] = b0;
    scores[n + j + 1] = b1;
    scores[n + j + 2] = b2;
    scores[n + j + 3] = b3;
  }
  for (; j < keys; j++) {
    let a = 0;
    let b = 0;
    for (let t = 0; t < dQK; t++) {
      a += q[qa + t] * k[j * dQK + t];
      b += q[qb + t] * k[j * dQK + t];
    }
    scores[j] = a;
    scores[n + j] = b;
  }
}

/** scores[j] = score(i, j) for j < keys, each summed from +0 in increasing t, four keys at a time. */
export function scoreOne(q: Float64Array, k: Float64Array, dQK: number, i: number, keys: number, scores: Float64Array): void {
  const qi = i * dQK;
  let j = 0;
  for (; j + 3 < keys; j += 4) {
    const k0 = j * dQK;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0; // prettier-ignore
    for (let t = 0; t < dQK; t++) {
      const u = q[qi + t];
      a0 += u * k[k0 + t];
      a1 += u * k[k0 + dQK + t];
      a2 += u * k[k0 + 2 * dQK + t];
      a3 += u * k[k0 + 3 * dQK + t];
    }
    scores[j] = a0;
    scores[j + 1] = a1;
    scores[j + 2] = a2;
    scores[j + 3] = a3;
  }
  for (; j < keys; j++) {
    let a = 0;
    for (let t = 0; t < dQK; t++) a += q[qi + t] * k[j * dQK + t];
    scores[j] = a;
  }
}
