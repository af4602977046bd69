import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryCircuit } from "../../src/circuit/arbitraryCircuit.js";
import { circuitDistribution } from "../../src/circuit/circuitDistribution.js";
import { circuitLibrary } from "../../src/circuit/library/index.js";
import { compiledPredictor } from "../../src/mdm/compiledPredictor.js";
import { formatDistribution, sameDistribution } from "../../src/sampling/distribution.js";
import { exactDistribution } from "../../src/sampling/exactDistribution.js";
import { buildSampler, type SamplerModel, samplerPredictor } from "../../src/sampling/sampler.js";
import { sampleOnce } from "../../src/sampling/sampleOnce.js";

const MODELS: readonly SamplerModel[] = ["mdm", "arm", "ap-mdm"];

describe("circuit samplers compiled to weights", () => {
  // Per generated circuit and model: compile, enumerate every choice of ties over the weights, decode one seed.
  test.prop([arbitraryCircuit({ maxRandom: 4, maxGates: 8, maxOutputs: 3 }), fc.nat()], { numRuns: 20 })(
    "exact output distribution = the circuit's; MDM steps = depth + 1, ARM steps = size, AP-MDM steps ≤ depth + 3 and peak context ≤ 2·leveled width + outputs",
    (circuit, seed) => {
      const want = circuitDistribution(circuit);
      for (const model of MODELS) {
        const s = buildSampler(circuit, model);
        const { predictor } = compiledPredictor(s.program);
        const exact = exactDistribution(s, predictor);
        expect(formatDistribution(exact.distribution), model).toEqual(formatDistribution(want));
        const run = sampleOnce(s, predictor, seed);
        expect(want.has(run.output)).toBe(true);
        const m = s.shape;
        if (model === "mdm") expect([run.steps, run.context]).toEqual([m.depth + 1, m.size]);
        if (model === "arm") expect([run.steps, run.context]).toEqual([m.size, m.size]);
        if (model === "ap-mdm") {
          expect(run.steps).toBeLessThanOrEqual(m.depth + 3);
          expect(run.context).toBeLessThanOrEqual(2 * m.leveledWidth + m.outputs);
        }
      }
    },
  );

  test("library circuits (second sweep size): the exact distribution of every model equals the circuit's, over the weights and over the evaluator", () => {
    for (const e of circuitLibrary) {
      const circuit = e.build(e.sweep[1]);
      const want = circuitDistribution(circuit);
      for (const model of MODELS) {
        const s = buildSampler(circuit, model);
        for (const over of ["weights", "evaluator"] as const) {
          expect(sameDistribution(exactDistribution(s, samplerPredictor(s, over)).distribution, want), `${circuit.name} ${model} ${over}`).toBe(true);
        }
      }
    }
  });
});
