import { attend, bonus, lin, matchTerms } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, compare, constant, linear, not } from "../../efasp/local.js";
import { position, token } from "../../efasp/sources.js";
import { checkConstructionSize } from "../../mdm/checkConstructionSize.js";

/** Tokens: the mask and the two bits. */
export const PARITY_VOCAB = ["M", "0", "1"] as const;
export const PARITY_MASK = 0;
export const bitToken = (bit: 0 | 1): number => 1 + bit;

/**
 * Parity by deleting pairs: an AP-MDM (deterministic, no ties) that reduces a bit string to the single
 * bit of its parity. Positions pair up as (0, 1), (2, 3), … of the current canvas — a last unpaired bit
 * waits — and each pair (b, c) is replaced by b ⊕ c in two steps:
 *
 *  reduce  (no mask)  00 → 0M, 10 → 1M, 01 → M1: remask the bit that is not the result;
 *                      11 → MM: remask both (the result 0 is in neither);
 *  clean   (masks)     a mask at an odd position whose partner is a mask (the 11 case) unmasks to 0;
 *                      every other mask deletes.
 *
 * Each round halves the length (rounding up), and positions are renumbered, so the same rule pairs
 * the next round: 2⌈log₂ n⌉ steps, then one checking step with one bit left. Every rule reads only
 * the position's partner — the local elimination the seed describes. `maxLength` only sizes the
 * declared bounds of the position features (the evaluator checks them); the rule is the same for all n.
 */
export function parityProgram(maxLength: number): EfaspProgram {
  checkConstructionSize(`the parity AP-MDM for ${maxLength} bits`, { canvas: maxLength });
  const isMask = token("isMask", [1, 0, 0]);
  const bit = token("bit", [0, 0, 1]);
  const pos = position("pos", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, maxLength - 1);
  const posSq = position("pos²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, (maxLength - 1) ** 2);
  const odd = position("odd", { kind: "index", offset: 0, divisor: 1, modulus: 2, power: 1 }, 0, 1);
  const N = position("N", { kind: "length", power: 1 }, 1, maxLength);

  // A mask anywhere? Score isMask: the winners all have isMask = 1 if some key has, so the mean is exact.
  const [hasMask] = attend("hasMask", [bonus(1, isMask)], [isMask]);
  // My partner: the key at pos − 1 (odd) or pos + 1 (even), by exact match −(a − pos_j)²; a unique winner.
  const neighbour = (name: string, delta: number): Feature[] => attend(name, matchTerms(1, lin([1, pos], delta), pos, posSq), [bit, isMask]);
  const [leftBit, leftIsMask] = neighbour("left", -1);
  const [rightBit] = neighbour("right", +1);
  const even = not("even", odd);
  const hasRight = compare("hasRight", "lt", pos, linear("N−1", [[1, N]], -1));

  // reduce: an even bit goes when its partner is 1 (01, 11); an odd bit goes when it is 0 (00, 10) or its partner is 1 (11).
  const firstGoes = all("first goes", [even, hasRight, rightBit]);
  const secondGoes = all("second goes", [odd, any("0 or after 1", [not("is 0", bit), leftBit])]);
  const remask = all("remask", [not("reduce", hasMask), any("goes", [firstGoes, secondGoes])]);
  // clean: every mask deletes except the second of a masked pair (11), which unmasks to 0.
  const zeroOfOnes = all("0 of 11", [odd, leftIsMask]);
  const del = all("delete", [isMask, not("not 0 of 11", zeroOfOnes)]);

  return {
    name: "parity by deleting pairs",
    vocab: [...PARITY_VOCAB],
    maskToken: PARITY_MASK,
    output: { kind: "code", feature: constant(bitToken(0), "predict 0") },
    control: [remask, constant(0, "no insert"), del],
    causal: false,
  };
}
