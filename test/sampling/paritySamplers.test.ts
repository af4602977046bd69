import { describe, expect, test } from "vitest";
import { circuitDistribution } from "../../src/circuit/circuitDistribution.js";
import { evenParity } from "../../src/circuit/library/evenParity.js";
import { evenParityPairs } from "../../src/circuit/library/evenParityPairs.js";
import { compiledPredictor } from "../../src/mdm/compiledPredictor.js";
import { formatDistribution, sameDistribution } from "../../src/sampling/distribution.js";
import { exactDistribution } from "../../src/sampling/exactDistribution.js";
import { PARITY_REMASK_STEPS, parityRemaskProgram } from "../../src/sampling/parityRemaskProgram.js";
import { buildSampler, samplerPredictor } from "../../src/sampling/sampler.js";
import { sampleOnce } from "../../src/sampling/sampleOnce.js";

const even = (x: string) => [...x].filter((b) => b === "1").length % 2 === 0;

describe("even-parity samplers", () => {
  test("the AP-MDM (remask + insert), one compiled model for n ≤ 64: every n = 2 … 64 takes exactly 4 steps, peak context 2n, and gives n bits of even parity", () => {
    const { predictor } = compiledPredictor(parityRemaskProgram(64));
    for (let n = 2; n <= 64; n++) {
      const s = buildSampler(evenParityPairs.build(n), "ap-mdm-parity");
      for (const seed of [n, 1000 + n]) {
        const run = sampleOnce(s, predictor, seed);
        expect(run.output).toHaveLength(n);
        expect(even(run.output), run.output).toBe(true);
        expect([run.steps, run.context]).toEqual([PARITY_REMASK_STEPS, 2 * n]);
      }
    }
  });

  test("its exact distribution, over the weights, is uniform on the 2^(n−1) even strings (n = 2 … 8)", () => {
    for (let n = 2; n <= 8; n++) {
      const s = buildSampler(evenParity.build(n), "ap-mdm-parity");
      const d = exactDistribution(s, samplerPredictor(s, "weights")).distribution;
      expect(sameDistribution(d, circuitDistribution(evenParity.build(n)))).toBe(true);
      const listed = formatDistribution(d);
      expect(listed).toHaveLength(2 ** (n - 1));
      expect(listed.every(([x, p]) => even(x) && p === `1/${2 ** (n - 1)}`)).toBe(true);
    }
  });

  test("unmask-only MDMs: the XOR tree takes ⌈log₂(n − 1)⌉ + 1 steps; the pairs circuit 2 steps, with its n random bits left on the canvas", () => {
    for (const n of [3, 5, 9, 17, 33]) {
      const tree = buildSampler(evenParity.build(n), "mdm");
      const run = sampleOnce(tree, samplerPredictor(tree, "weights"), n);
      expect(even(run.output)).toBe(true);
      expect(run.steps).toBe(Math.ceil(Math.log2(n - 1)) + 1);
      const pairs = buildSampler(evenParityPairs.build(n), "mdm");
      const p = sampleOnce(pairs, samplerPredictor(pairs, "weights"), n);
      expect(even(p.output)).toBe(true);
      expect([p.steps, p.context]).toEqual([2, 2 * n]);
    }
  });
});
