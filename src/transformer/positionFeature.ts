/**
 * The fixed menu of position features. A model's config lists the ones it uses; each is a documented
 * function of the position i (0-based) and the sequence length N, never of the tokens. With
 * q = floor((i - offset) / divisor), reduced to its non-negative remainder mod `modulus` unless modulus is
 * null (floor rounds toward -infinity):
 *
 *  - index:  q ^ power
 *  - bit:    bit `bit` of q, i.e. floor(q / 2^bit) mod 2 (the binary position code of q)
 *  - length: N ^ power
 *  - one:    1
 *
 * With offset 0, divisor 1, no modulus and power 1 an index feature is the plain position i.
 */
export type PositionFeature =
  | {
      readonly kind: "index";
      readonly offset: number;
      readonly divisor: number;
      readonly modulus: number | null;
      readonly power: 1 | 2;
    }
  | {
      readonly kind: "bit";
      readonly offset: number;
      readonly divisor: number;
      readonly modulus: number | null;
      readonly bit: number;
    }
  | { readonly kind: "length"; readonly power: 1 | 2 }
  | { readonly kind: "one" };
