/** An affine form over residual dimensions: Σ coef·x[dim] + bias, integer coefficients. */
export interface Affine {
  readonly terms: ReadonlyMap<number, number>;
  readonly bias: number;
}

export const affineDim = (dim: number): Affine => ({ terms: new Map([[dim, 1]]), bias: 0 });

/** Σ c_k·a_k + bias. */
export function combine(parts: readonly (readonly [number, Affine])[], bias: number): Affine {
  const terms = new Map<number, number>();
  let b = bias;
  for (const [c, a] of parts) {
    for (const [dim, w] of a.terms) {
      const v = (terms.get(dim) ?? 0) + c * w;
      if (v === 0) terms.delete(dim);
      else terms.set(dim, v);
    }
    b += c * a.bias;
  }
  return { terms, bias: b };
}
