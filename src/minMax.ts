/**
 * The least and greatest of a list of numbers, by a loop. `Math.min(...values)` passes every value as an
 * argument, and a list of a few hundred thousand (a 2^17-token vocabulary table, a long canvas) overflows
 * the call stack. `start` is included in the comparison (`maxOf(xs, 0)` is `Math.max(0, ...xs)`), and a
 * NaN anywhere gives NaN, as with Math.min/Math.max.
 */
export function minOf(values: Iterable<number>, start = Number.POSITIVE_INFINITY): number {
  let m = start;
  for (const v of values) m = Math.min(m, v);
  return m;
}

/** See minOf. */
export function maxOf(values: Iterable<number>, start = Number.NEGATIVE_INFINITY): number {
  let m = start;
  for (const v of values) m = Math.max(m, v);
  return m;
}
