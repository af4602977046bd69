import type { GateOp } from "../circuit/circuit.js";
import type { Feature } from "../efasp/feature.js";
import { all, any, compare, constant, linear, not, relu } from "../efasp/local.js";

/** Gate ops as integer codes (the `kind` feature of the sampling programs). */
export const GATE_CODES: readonly GateOp[] = ["RAND", "ZERO", "ONE", "NOT", "AND", "OR", "XOR", "MAJ"];
export const gateCode = (op: GateOp): number => GATE_CODES.indexOf(op);

/**
 * A gate's value as E-FASP features, from its op code and its input bits a, b, c (inputs it does not have
 * are ignored): value = ∨_op [kind = op] ∧ op(a, b, c), with XOR = [a ≠ b] and MAJ = [a + b + c ≥ 2].
 * All integers in {0, 1}: exact by construction. `isRand` is [kind = RAND] (its value is sampled, not computed).
 */
export function gateValue(kind: Feature, a: Feature, b: Feature, c: Feature): { value: Feature; isRand: Feature } {
  const is = (op: GateOp) => compare(`is ${op}`, "eq", kind, constant(gateCode(op)));
  const and = all("a∧b", [a, b]);
  const cases: [GateOp, Feature][] = [
    ["NOT", not("¬a", a)],
    ["AND", and],
    ["OR", any("a∨b", [a, b])],
    ["XOR", compare("a⊕b", "ne", a, b)],
    ["MAJ", compare("maj(a,b,c)", "ge", linear("a+b+c", [[1, a], [1, b], [1, c]]), constant(2))],
  ];
  const value = any("gate value", [is("ONE"), ...cases.map(([op, v]) => all(`${op} value`, [is(op), v]))]);
  return { value, isRand: is("RAND") };
}

/**
 * Token scores that put the maximum exactly on the token ids lo … hi (features, lo ≤ hi, hi − lo ≤ 1 here):
 * score_t = −ReLU(t − hi) − ReLU(lo − t) is 0 for lo ≤ t ≤ hi and ≤ −1 for every other t (integers), so the
 * tied maxima are exactly lo … hi: one token when lo = hi, a fair coin between two when hi = lo + 1.
 */
export function rangeScores(vocabSize: number, lo: Feature, hi: Feature): Feature[] {
  return Array.from({ length: vocabSize }, (_, t) =>
    linear(`score ${t}`, [
      [-1, relu(`${t}−hi`, linear(`${t}−hi`, [[-1, hi]], t))],
      [-1, relu(`lo−${t}`, linear(`lo−${t}`, [[1, lo]], -t))],
    ]),
  );
}
