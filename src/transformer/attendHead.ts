import type { AttentionKind } from "./transformerConfig.js";

/** Buffers one head reuses for every query: kT is [dQK, n] (keys transposed), scores is [n]. */
export interface AttendScratch {
  readonly kT: Float64Array;
  readonly scores: Float64Array;
}

/** What one head measured: the smallest score margin over its queries and the multiply-adds it ran. */
export interface AttendMeter {
  readonly minMargin: number;
  readonly multiplyAdds: number;
}

/**
 * One attention head over all n queries. q, k are [n, dQK], v is [n, dV], out [n, dV] is overwritten.
 * Query i sees keys j < n (j ≤ i when causal); score(i, j) = Σ_t q[i, t]·k[j, t], summed from +0 in
 * increasing t (products with q[i, t] = 0 are skipped: exact, as in sparseMatmul).
 *  - average-hard: out_i = (Σ v_j over the keys j whose score === the maximum, in increasing j, from +0)
 *    / (their count).
 *  - softmax: w_j = exp(β·(score(i, j) − max)); out_i = (Σ_j w_j·v_j) / (Σ_j w_j), both sums in increasing j.
 * The margin of a query is its best score − the best score strictly below it (Infinity when every key
 * ties). `selected`, when given, receives each query's maximal keys. Multiply-adds: n·keys·dQK for the
 * scores, plus one per value entry added (average-hard) or weighted (softmax).
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
): AttendMeter {
  const { kT, scores } = scratch;
  for (let j = 0; j < n; j++) for (let t = 0; t < dQK; t++) kT[t * n + j] = k[j * dQK + t];
  let minMargin = Infinity;
  let multiplyAdds = 0;
  for (let i = 0; i < n; i++) {
    const keys = causal ? i + 1 : n;
    scores.fill(0, 0, keys);
    for (let t = 0; t < dQK; t++) {
      const a = q[i * dQK + t];
      if (a === 0) continue;
      const base = t * n;
      for (let j = 0; j < keys; j++) scores[j] += a * kT[base + j];
    }
    multiplyAdds += keys * dQK;
    let best = -Infinity;
    let second = -Infinity;
    for (let j = 0; j < keys; j++) {
      const s = scores[j];
      if (s > best) {
        second = best;
        best = s;
      } else if (s < best && s > second) second = s;
    }
    if (best - second < minMargin) minMargin = best - second;
    const oo = i * dV;
    out.fill(0, oo, oo + dV);
    if (kind.kind === "average-hard") {
      let count = 0;
      for (let j = 0; j < keys; j++) {
        if (scores[j] !== best) continue;
        count++;
        const vo = j * dV - oo;
        for (let c = oo; c < oo + dV; c++) out[c] += v[vo + c];
      }
      for (let c = oo; c < oo + dV; c++) out[c] /= count;
      multiplyAdds += count * dV;
    } else {
      let total = 0;
      for (let j = 0; j < keys; j++) {
        const w = Math.exp(kind.beta * (scores[j] - best));
        total += w;
        const vo = j * dV - oo;
        for (let c = oo; c < oo + dV; c++) out[c] += w * v[vo + c];
      }
      for (let c = oo; c < oo + dV; c++) out[c] /= total;
      multiplyAdds += keys * dV;
    }
    if (selected) {
      const maximal: number[] = [];
      for (let j = 0; j < keys; j++) if (scores[j] === best) maximal.push(j);
      selected[i] = maximal;
    }
  }
  return { minMargin, multiplyAdds };
}
