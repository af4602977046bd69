import type { PositionFeature } from "./positionFeature.js";

/** The value of a position feature at position i (0-based) of a sequence of length n (see PositionFeature). */
export function positionValue(spec: PositionFeature, i: number, n: number): number {
  switch (spec.kind) {
    case "one":
      return 1;
    case "length":
      return spec.power === 1 ? n : n * n;
    case "index": {
      let q = Math.floor((i - spec.offset) / spec.divisor);
      if (spec.modulus !== null) q = ((q % spec.modulus) + spec.modulus) % spec.modulus;
      return spec.power === 1 ? q : q * q;
    }
  }
}
