import { forward, type ForwardResult } from "../transformer/forward.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Compiled } from "./compile.js";

/** How far a compiled model is from a tie on some inputs, and what softmax scale reproduces it there. */
export interface Measurement {
  /** Over every input, head and query: the best score − the best score strictly below it (Infinity: all keys tie). */
  readonly minAttentionMargin: number;
  /** Over every input and position: the top token logit − the best distinct logit below it. */
  readonly minLogitMargin: number;
  /**
   * UNDERFLOW / minAttentionMargin (0 when every query's keys all tie). At any β ≥ this, softmax attention
   * computes exactly what average-hard does: a maximal key weighs exp(0) = 1, every other key
   * exp(β·(s − max)) ≤ exp(−UNDERFLOW), which is exactly 0 in float64, so each head adds the same values
   * in the same order and divides by the same count — the forward pass is bit-identical. Checked here by
   * running it on every input (identical logits).
   */
  readonly betaExact: number;
  /**
   * The smallest β found, within a factor PRECISION and no lower than 2^−20·betaExact, at which the
   * softmax forward pass makes the same decisions as average-hard at every position of every input — the
   * argmax token (lowest id on a tie) and the control bits — though its activations are no longer exact.
   * Checked on every input at that β. It is the smallest up to PRECISION if decisions, once right, stay
   * right at larger β (the search assumes it; nothing forces it).
   */
  readonly betaDecode: number;
}

/** exp(x) is exactly 0 in float64 for x < −745.14; 746 leaves room for rounding in β·(s − max). */
export const UNDERFLOW = 746;
/** betaDecode is found to within this factor. */
export const PRECISION = 2 ** (1 / 16);
const LOWEST = 2 ** -20;

/**
 * The report of a compiled model on inputs (one token sequence, or every canvas of a decode): the margins
 * of the average-hard forward passes, the β at which softmax is provably exact (verified), and the
 * smallest β found that reproduces the hard decisions (verified). Each probe of β is one softmax forward
 * pass; the search bisects on one input, then raises β where another input needs it, so it costs about
 * a dozen passes plus two per input.
 */
export function measure(compiled: Compiled, inputs: readonly Int32Array[]): Measurement {
  const model = compiled.model;
  const V = model.config.vocab.length;
  let minAttentionMargin = Infinity;
  let minLogitMargin = Infinity;
  const hard = inputs.map((tokens) => {
    const r = forward(model, tokens);
    minAttentionMargin = Math.min(minAttentionMargin, r.meter.minAttentionMargin);
    minLogitMargin = Math.min(minLogitMargin, r.meter.minLogitMargin);
    return r;
  });
  const betaExact = minAttentionMargin === Infinity ? 0 : UNDERFLOW / minAttentionMargin;
  inputs.forEach((tokens, k) => {
    const r = forward(withSoftmax(model, betaExact), tokens);
    if (!sameArray(r.tokenLogits, hard[k].tokenLogits) || !sameArray(r.controlLogits, hard[k].controlLogits)) {
      throw new Error(`measure: softmax at β = ${betaExact} is not bit-identical to average-hard on input ${k} (margin ${minAttentionMargin})`);
    }
  });
  const want = hard.map((r, k) => decisions(r, V, inputs[k].length));
  const decodes = (k: number, beta: number) => decisions(forward(withSoftmax(model, beta), inputs[k]), V, inputs[k].length) === want[k];
  /** Geometric bisection between a failing β and a working one, on input k. */
  const bisect = (k: number, bad: number, good: number) => {
    while (bad > 0 && good / bad > PRECISION) {
      const mid = Math.sqrt(good * bad);
      if (decodes(k, mid)) good = mid;
      else bad = mid;
    }
    return good;
  };
  // On the last input (the fullest canvas of a decode): halve from betaExact until the decisions change.
  const first = inputs.length - 1;
  let beta = betaExact;
  let bad = 0;
  while (first >= 0 && beta > LOWEST * betaExact && bad === 0) {
    if (decodes(first, beta / 2)) beta /= 2;
    else bad = beta / 2;
  }
  beta = first >= 0 ? bisect(first, bad, beta) : beta;
  // Every input at β; where one fails, raise β for it, and check all again until none fails.
  for (let raised = true; raised; ) {
    raised = false;
    for (let k = 0; k < inputs.length; k++) {
      if (decodes(k, beta)) continue;
      beta = bisect(k, beta, betaExact);
      raised = true;
    }
  }
  return { minAttentionMargin, minLogitMargin, betaExact, betaDecode: beta };
}

function withSoftmax(model: Transformer, beta: number): Transformer {
  return { ...model, config: { ...model.config, attention: { kind: "softmax", beta } } };
}

/** Every position's argmax token (lowest id on a tie) and control bits, as one comparable string. */
function decisions(r: ForwardResult, V: number, n: number): string {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let v = 1; v < V; v++) if (r.tokenLogits[i * V + v] > r.tokenLogits[i * V + best]) best = v;
    out.push(best);
    if (r.controlLogits) for (let k = 0; k < 3; k++) out.push(r.controlLogits[i * 3 + k] > 0 ? 1 : 0);
  }
  return out.join();
}

function sameArray(a: Float64Array | null, b: Float64Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, k) => x === b[k]);
}
