import fc from "fast-check";

/** Arrays of exactly n integers, each in lo..hi (shrinking towards lo). */
export function valuesOf(n: number, lo: number, hi: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n });
}
