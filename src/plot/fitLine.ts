import { rational, rationalValue, type Rational } from "./rational.js";

/** An ordinary least-squares line y ≈ slope·x + intercept, computed exactly over integer points. */
export interface LineFit {
  readonly slope: Rational;
  readonly intercept: Rational;
  readonly points: number;
  /** max |y − (slope·x + intercept)| over the points, as a float. */
  readonly maxResidual: number;
}

/**
 * Least squares of integer points (x, y): slope = (mΣxy − ΣxΣy)/(mΣx² − (Σx)²) and intercept =
 * (Σx²Σy − ΣxΣxy)/(mΣx² − (Σx)²), in BigInt so the result is the exact rational, not a float estimate.
 * Null when the x values are not at least two distinct numbers (the line is then undetermined).
 */
export function fitLine(points: readonly { readonly x: number; readonly y: number }[]): LineFit | null {
  for (const p of points) {
    if (!Number.isSafeInteger(p.x) || !Number.isSafeInteger(p.y)) throw new RangeError(`fitLine: non-integer point (${p.x}, ${p.y})`);
  }
  const m = BigInt(points.length);
  let sx = 0n, sy = 0n, sxx = 0n, sxy = 0n;
  for (const { x, y } of points) {
    const bx = BigInt(x), by = BigInt(y);
    sx += bx; sy += by; sxx += bx * bx; sxy += bx * by;
  }
  const det = m * sxx - sx * sx;
  if (det === 0n) return null;
  const slope = rational(m * sxy - sx * sy, det);
  const intercept = rational(sxx * sy - sx * sxy, det);
  const maxResidual = Math.max(
    ...points.map(({ x, y }) => {
      // y − (a/b·x + c/d) = (y·b·d − a·x·d − c·b)/(b·d), exactly, then one rounding.
      const d = slope.den * intercept.den;
      const r = BigInt(y) * d - slope.num * BigInt(x) * intercept.den - intercept.num * slope.den;
      return Math.abs(rationalValue(rational(r, d)));
    }),
  );
  return { slope, intercept, points: points.length, maxResidual };
}
