/**
 * The fixed menu of position features. A model's config lists the ones it uses; each is a documented
 * function of the position i (0-based) and the sequence length N, never of the tokens:
 *
 *  - index:  ((floor((i - offset) / divisor)) mod modulus) ^ power      (mod is the non-negative remainder;
 *            modulus null means no reduction; floor rounds toward -infinity)
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
  | { readonly kind: "length"; readonly power: 1 | 2 }
  | { readonly kind: "one" };
