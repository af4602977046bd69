import type { PositionFeature } from "./positionFeature.js";

/** A position feature as a formula of i and N, e.g. "⌊(i − 1)/4⌋ mod 8", "bit 2 of ⌊i/3⌋", "N²". */
export function describePositionFeature(spec: PositionFeature): string {
  switch (spec.kind) {
    case "one":
      return "1";
    case "length":
      return spec.power === 1 ? "N" : "N²";
    case "index": {
      const q = quotient(spec);
      return spec.power === 1 ? q : q === "i" ? "i²" : `(${q})²`;
    }
    case "bit":
      return `bit ${spec.bit} of ${quotient(spec)}`;
  }
}

function quotient(spec: { offset: number; divisor: number; modulus: number | null }): string {
  const shifted = spec.offset === 0 ? "i" : spec.offset > 0 ? `i − ${spec.offset}` : `i + ${-spec.offset}`;
  const grouped = spec.offset === 0 ? shifted : `(${shifted})`;
  if (spec.divisor !== 1) return spec.modulus === null ? `⌊${grouped}/${spec.divisor}⌋` : `⌊${grouped}/${spec.divisor}⌋ mod ${spec.modulus}`;
  return spec.modulus === null ? shifted : `${grouped} mod ${spec.modulus}`;
}
