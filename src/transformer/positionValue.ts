import type { PositionFeature } from "./positionFeature.js";

/** The value of a position feature at position i (0-based) of a sequence of length n (see PositionFeature). */
export function positionValue(spec: PositionFeature, i: number, n: number): number {
  switch (spec.kind) {
    case "one":
      return 1;
    case "length":
      return spec.power === 1 ? n : n * n;
    case "index": {
      const q = quotient(spec.offset, spec.divisor, spec.modulus, i);
      return spec.power === 1 ? q : q * q;
    }
    case "bit": {
      const q = quotient(spec.offset, spec.divisor, spec.modulus, i);
      const shifted = Math.floor(q / 2 ** spec.bit);
      return ((shifted % 2) + 2) % 2;
    }
  }
}

function quotient(offset: number, divisor: number, modulus: number | null, i: number): number {
  const q = Math.floor((i - offset) / divisor);
  return modulus === null ? q : ((q % modulus) + modulus) % modulus;
}
