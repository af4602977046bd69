import { formatRational, type Rational, rational } from "../plot/rational.js";

/** A finite distribution over output strings ("0110"), exact: every probability a rational. */
export type Distribution = ReadonlyMap<string, Rational>;

export const addRational = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const mulRational = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);

/** Adds p·d into `into`. */
export function addScaled(into: Map<string, Rational>, d: Distribution, p: Rational): void {
  for (const [x, q] of d) {
    const pq = mulRational(p, q);
    const old = into.get(x);
    into.set(x, old ? addRational(old, pq) : pq);
  }
}

/** Same support and the same probabilities, as rationals. */
export function sameDistribution(a: Distribution, b: Distribution): boolean {
  if (a.size !== b.size) return false;
  for (const [x, p] of a) {
    const q = b.get(x);
    if (!q || q.num !== p.num || q.den !== p.den) return false;
  }
  return true;
}

/** Outcomes sorted, each with its probability, e.g. [["00", "1/2"], ["11", "1/2"]]. */
export function formatDistribution(d: Distribution): [string, string][] {
  return [...d].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([x, p]) => [x, formatRational(p)]);
}
