import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { circuitDistribution } from "../../src/circuit/circuitDistribution.js";
import { CircuitError } from "../../src/circuit/CircuitError.js";
import { circuitShape } from "../../src/circuit/circuitShape.js";
import { evaluateCircuit } from "../../src/circuit/evaluateCircuit.js";
import { binomialCount } from "../../src/circuit/library/binomialCount.js";
import { diceSum } from "../../src/circuit/library/diceSum.js";
import { evenParity } from "../../src/circuit/library/evenParity.js";
import { evenParityPairs } from "../../src/circuit/library/evenParityPairs.js";
import { firstOne } from "../../src/circuit/library/firstOne.js";
import { circuitLibrary } from "../../src/circuit/library/index.js";
import { majority, subsetThreshold } from "../../src/circuit/library/thresholdOfRandomBits.js";
import { formatDistribution } from "../../src/sampling/distribution.js";

const bitsOf = (x: number, n: number) => Array.from({ length: n }, (_, i) => (x >> i) & 1);
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n, k - 1) * (n - k + 1)) / (k - 1 + 1));

describe("the circuit library computes what it claims", () => {
  // Each law is checked on every input of a random-bit string, for random n in the family's range.
  test.prop([fc.integer({ min: 1, max: 12 }), fc.nat()])("binomial: the count of ones, most significant bit first", (n, x) => {
    const bits = bitsOf(x % 2 ** n, n);
    const out = evaluateCircuit(binomialCount.build(n), bits);
    expect(Number.parseInt(out.join(""), 2)).toBe(bits.reduce((s, b) => s + b, 0));
  });
  test.prop([fc.integer({ min: 1, max: 12 }), fc.nat()])("majority and subset-threshold: the bits, then [#ones ≥ t]", (n, x) => {
    const bits = bitsOf(x % 2 ** n, n);
    const ones = bits.reduce((s, b) => s + b, 0);
    expect(evaluateCircuit(majority.build(n), bits)).toEqual([...bits, Number(2 * ones > n)]);
    expect(evaluateCircuit(subsetThreshold.build(n), bits)).toEqual([...bits, Number(ones >= Math.ceil(n / 3))]);
  });
  test.prop([fc.integer({ min: 1, max: 8 }), fc.nat(), fc.nat()])("dice-sum: x + y, most significant bit first", (n, x, y) => {
    const [a, b] = [x % 2 ** n, y % 2 ** n];
    const out = evaluateCircuit(diceSum.build(n), [...bitsOf(a, n), ...bitsOf(b, n)]);
    expect(Number.parseInt(out.join(""), 2)).toBe(a + b);
  });
  test.prop([fc.integer({ min: 1, max: 16 }), fc.nat()])("first-one: one-hot at the first 1, depth ⌈log₂ n⌉ + 2 at most", (n, x) => {
    const bits = bitsOf(x % 2 ** n, n);
    const first = bits.indexOf(1);
    expect(evaluateCircuit(firstOne.build(n), bits)).toEqual(bits.map((_, i) => Number(i === first)));
    expect(circuitShape(firstOne.build(n)).depth).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 2);
  });

  test("exact distributions: Binomial(6, 1/2), and both parity circuits uniform over the 2^(n−1) even strings", () => {
    const c6 = binomialCount.build(6);
    const count = formatDistribution(circuitDistribution(c6));
    expect(count).toEqual(Array.from({ length: 7 }, (_, k) => [k.toString(2).padStart(c6.outputs.length, "0"), reduce(binomial(6, k), 64)]));
    for (const c of [evenParity.build(7), evenParityPairs.build(7)]) {
      const d = formatDistribution(circuitDistribution(c));
      expect(d).toHaveLength(64);
      for (const [x, p] of d) {
        expect([...x].filter((b) => b === "1").length % 2).toBe(0);
        expect(p).toBe("1/64");
      }
    }
    expect(circuitShape(evenParityPairs.build(64)).depth).toBe(1);
    expect(circuitShape(evenParity.build(65)).depth).toBe(6);
  });

  test("n outside a family's range is one CircuitError naming the family and the range", () => {
    for (const e of circuitLibrary) {
      for (const n of [e.minN - 1, e.maxN + 1, 2.5]) expect(() => e.build(n)).toThrow(CircuitError);
    }
    expect(() => evenParity.build(1)).toThrow("even-parity: n must be an integer in 2 … 4096, got 1");
  });
});

function reduce(num: number, den: number): string {
  let [a, b] = [num, den];
  while (b) [a, b] = [b, a % b];
  return num / a === 0 ? "0" : den / a === 1 ? `${num / a}` : `${num / a}/${den / a}`;
}
