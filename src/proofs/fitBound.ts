import { fitLine } from "../plot/fitLine.js";
import { formatRational, rational, rationalValue, type Rational } from "../plot/rational.js";
import type { FittedBound } from "./proofReport.js";

/**
 * Fits y ≤ c1·x + c0 over integer points: c1 is the exact least-squares slope, and c0 the smallest
 * intercept that puts every point on or under the line (the least-squares intercept raised to cover the
 * worst point). With fewer than two distinct x the slope is 0 and c0 = max y. Exact rationals throughout.
 */
export function fitBound(statement: string, names: readonly [string, string], points: readonly { x: number; y: number }[]): FittedBound {
  const fit = fitLine(points);
  const slope: Rational = fit ? fit.slope : rational(0n, 1n);
  // c0 = max over points of (y − c1·x), exactly: (y·den − num·x)/den.
  let c0: Rational | null = null;
  for (const { x, y } of points) {
    const r = rational(BigInt(y) * slope.den - slope.num * BigInt(x), slope.den);
    if (c0 === null || r.num * c0.den > c0.num * r.den) c0 = r;
  }
  const intercept = c0 ?? rational(0n, 1n);
  let worstSlack = Infinity;
  for (const { x, y } of points) {
    const bound = rational(slope.num * BigInt(x) * intercept.den + intercept.num * slope.den, slope.den * intercept.den);
    worstSlack = Math.min(worstSlack, rationalValue(bound) - y);
  }
  return {
    statement,
    constants: [
      { name: names[0], value: rationalValue(slope), exact: formatRational(slope) },
      { name: names[1], value: rationalValue(intercept), exact: formatRational(intercept) },
    ],
    method: `exact least-squares slope over ${points.length} points, intercept raised to cover the worst point`,
    points: points.length,
    holds: points.length > 0 && worstSlack >= 0,
    worstSlack: points.length > 0 ? worstSlack : 0,
  };
}
