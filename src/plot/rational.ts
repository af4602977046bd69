/** An exact rational num/den in lowest terms, den > 0. Fitted constants are printed from these. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function rational(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError("rational: zero denominator");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** "37/12", or "5" when the denominator is 1. */
export function formatRational(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/** The nearest float64 to r (exact when r is an integer below 2^53). */
export function rationalValue(r: Rational): number {
  return Number(r.num) / Number(r.den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
