import { attend, bonus, lin, matchTerms } from "../efasp/attend.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import type { Feature } from "../efasp/feature.js";
import { all, compare, constant, linear, not, select } from "../efasp/local.js";
import { position, token } from "../efasp/sources.js";
import { BIT_MASK, BIT_VOCAB } from "./bitVocabulary.js";
import { rangeScores } from "./gateValue.js";

/** Steps of the even-parity AP-MDM, for every n: sample + insert, XOR + remask, delete, check. */
export const PARITY_REMASK_STEPS = 4;

/**
 * Uniform n-bit strings of even parity in a constant number of steps, by an AP-MDM with insertion and
 * remasking that leaves exactly the n bits on the canvas. From n masks:
 *
 *  1  no bit yet            every mask samples a bit r_i (two tied scores) and inserts a mask after it:
 *                           r_1 M r_2 M … r_n M
 *  2  bits and masks, the
 *     first is a bit        the mask after r_i predicts x_i = r_i ⊕ r_(i+1 mod n) (its left neighbour and its
 *                           right one, or position 0 for the last); every bit remasks: M x_1 M x_2 … M x_n
 *  3  bits, first is a mask every mask deletes: x_1 … x_n
 *  4  no mask               nothing changes (the checking step)
 *
 * x is uniform over the even-parity strings: r ↦ x is linear, onto them, and two-to-one. The phase tests
 * are heads whose winners agree (any bit; the key at position 0) and the neighbours are exact position
 * matches, so every mean is exact; the rule is the same for every n (`maxLength` only sizes the bounds).
 */
export function parityRemaskProgram(maxLength: number): EfaspProgram {
  const maxN = 2 * maxLength;
  const isMask = token("isMask", [1, 0, 0]);
  const isBit = token("isBit", [0, 1, 1]);
  const bit = token("bit", [0, 0, 1]);
  const pos = position("pos", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, maxN - 1);
  const posSq = position("pos²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, (maxN - 1) ** 2);
  const N = position("N", { kind: "length", power: 1 }, 1, maxN);

  const [hasBit] = attend("has a bit", [bonus(1, isBit)], [isBit]);
  const [hasMask] = attend("has a mask", [bonus(1, isMask)], [isMask]);
  const [firstIsMask] = attend("first", [bonus(-1, pos)], [isMask]);
  const neighbour = (name: string, at: Feature) => attend(name, matchTerms(1, lin([1, at]), pos, posSq), [bit])[0];
  const isLast = compare("last", "eq", pos, linear("N−1", [[1, N]], -1));
  const left = neighbour("left", linear("pos−1", [[1, pos]], -1));
  const right = neighbour("right", select("pos+1 or 0", isLast, constant(0), linear("pos+1", [[1, pos]], 1)));
  const sample = not("phase 1", hasBit);
  const combine = all("phase 2", [hasBit, hasMask, not("first is a bit", firstIsMask)]);
  const clean = all("phase 3", [hasBit, firstIsMask]);
  const xor = compare("x = left ⊕ right", "ne", left, right);
  // Token ids M = 0, bits 1, 2: phase 1 ties 1 and 2; phase 2 predicts 1 + x; otherwise the mask.
  const xToken = select("x token", combine, linear("1+x", [[1, xor]], 1), constant(0));
  const lo = linear("lo", [[1, sample], [1, xToken]]);
  const hi = linear("hi", [[2, sample], [1, xToken]]);
  return {
    name: `even parity by remasking (n ≤ ${maxLength})`,
    vocab: [...BIT_VOCAB],
    maskToken: BIT_MASK,
    output: { kind: "scores", features: rangeScores(BIT_VOCAB.length, lo, hi) },
    control: [all("remask", [combine, isBit]), all("insert", [sample, isMask]), all("delete", [clean, isMask])],
    causal: false,
  };
}
