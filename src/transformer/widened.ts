/** A copy of `a` widened to `length` entries, the new ones set to `fill` (for arrays that grow with a canvas). */
export function widened<A extends Float64Array | Int32Array | Uint8Array>(a: A, length: number, fill = 0): A {
  const b = new (a.constructor as new (length: number) => A)(length);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
