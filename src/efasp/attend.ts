import { EfaspError } from "./EfaspError.js";
import type { AggregateFeature, Feature, Head, Linear, ScoreTerm } from "./feature.js";
import { nextId } from "./nextId.js";

/**
 * One attention head: returns one aggregate feature per value. The bounds of a mean lie within the bounds
 * of the value it averages.
 */
export function attend(name: string, score: readonly ScoreTerm[], values: readonly Feature[]): AggregateFeature[] {
  if (score.length === 0) throw new EfaspError(`head ${name}: no score terms`);
  if (values.length === 0) throw new EfaspError(`head ${name}: no values`);
  const head: Head = { id: nextId(), name, score, values };
  return values.map((v, slot) => ({
    kind: "aggregate",
    id: nextId(),
    name: values.length === 1 ? name : `${name}:${v.name}`,
    head,
    slot,
    lo: v.lo,
    hi: v.hi,
  }));
}

/** A linear expression: lin([2, a], [-1, b], 5) = 2a − b + 5 (the bias last, optional). */
export function lin(...parts: (readonly [number, Feature] | number)[]): Linear {
  let bias = 0;
  const terms: (readonly [number, Feature])[] = [];
  for (const p of parts) {
    if (typeof p === "number") bias += p;
    else terms.push(p);
  }
  return { terms, bias };
}

export const one: Linear = { terms: [], bias: 1 };

/** A score term q(i)·k(j). */
export const term = (q: Linear, k: Linear): ScoreTerm => ({ q, k });

/**
 * Exact match of a query value a against a key value b, weighted by C ≥ 1:
 *   −C·(a − b_j)² = 2C·a·b_j − C·b_j² − C·a².
 * The query-only part −C·a² does not change which key wins, so it is included only when `aSquared` is
 * given (needed when the match score is compared with a key that does not take part in the match).
 * A matching key scores 0 (or C·a² without aSquared), every other key at least C less.
 */
export function matchTerms(C: number, a: Linear, b: Feature, bSquared: Feature, aSquared?: Feature): ScoreTerm[] {
  const terms = [term(scaleLinear(2 * C, a), lin([1, b])), term(lin(-C), lin([1, bSquared]))];
  if (aSquared) terms.push(term(lin([-C, aSquared]), one));
  return terms;
}

/** A key-only bonus: adds weight·k(j) to every key's score (tie-breaks, recency, validity). */
export const bonus = (weight: number, k: Feature): ScoreTerm => term(lin(weight), lin([1, k]));

export function scaleLinear(c: number, x: Linear): Linear {
  return { terms: x.terms.map(([w, f]) => [c * w, f] as const), bias: c * x.bias };
}
