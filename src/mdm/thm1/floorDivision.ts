import type { Feature } from "../../efasp/feature.js";
import { assume, compare, constant, floorDiv, linear, relu, select } from "../../efasp/local.js";
import type { Operand } from "./fetchOperand.js";

/**
 * DIV and MOD of two words, rounding toward −∞, in constant depth:
 *  - a' = a − 2·[b_(w−1)]·a, i.e. −a when b < 0 (its two's-complement sign bit) and a otherwise: a bit ×
 *    bounded-integer select; a' ∈ [−2^(w−1), 2^(w−1)] since a is a word;
 *  - d = ReLU(b) + ReLU(−b) + [b = 0] = max(|b|, 1) ≥ 1 (b = 0 is the division error, reported
 *    beside; the quotient is then unused), so floor(a / b) = floor(a' / d) for b ≠ 0 (negating both
 *    operands leaves the quotient alone);
 *  - q = floor(a' / d): the floorDiv compare ladder over q ∈ [−2^(w−1), 2^(w−1)] (2^(w+1) hidden units);
 *  - MOD = a − b·q, with b·q = Σ_m ±2^m·[b_m]·q over b's two's-complement bits (the sign bit weighs
 *    −2^(w−1)): w bit × bounded-integer selects, exact since |b·q| ≤ 2^(2w−2) < 2^53.
 * q = 2^(w−1) only for −2^(w−1) / −1, which the overflow check reports.
 */
export function floorDivision(a: Operand, b: Operand, w: number): { quotient: Feature; remainder: Feature; byZero: Feature } {
  const zero = constant(0);
  const half = 2 ** (w - 1);
  const aSigned = assume("div.a'", linear("div.a'", [[1, a.value], [-2, select("div.a·sign", b.bits[w - 1], a.value, zero)]]), -half, half);
  const byZero = compare("b=0", "eq", b.value, zero);
  const d = linear("div.d", [[1, relu("div.b⁺", b.value)], [1, relu("div.b⁻", linear("-b", [[-1, b.value]]))], [1, byZero]]);
  const quotient = floorDiv("a÷b", aSigned, assume("div.d", d, 1, d.hi));
  const weight = (m: number) => (m === w - 1 ? -(2 ** m) : 2 ** m);
  const product = b.bits.map((bm, m) => [-weight(m), select(`b·q.term${m}`, bm, quotient, zero)] as const);
  return { quotient, remainder: linear("a mod b", [[1, a.value], ...product]), byZero };
}
