import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeApMdm } from "../../src/ap-mdm/decodeApMdm.js";
import { dyckProgram } from "../../src/ap-mdm/dyck/dyckProgram.js";
import { dyckSteps, sampleDyck } from "../../src/ap-mdm/dyck/sampleDyck.js";
import { allTwoSidedDyck } from "../../src/ap-mdm/dyck/twoSidedDyck.js";
import { enumerateApMdm } from "../../src/ap-mdm/enumerateApMdm.js";
import { memoPredictor } from "../../src/ap-mdm/memoPredictor.js";
import { computeParity, paritySteps } from "../../src/ap-mdm/parity/computeParity.js";
import { parityProgram } from "../../src/ap-mdm/parity/parityProgram.js";
import { compile } from "../../src/efasp/compile.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";

const canvases = (trace: { canvases: Int32Array[] } | null) => trace!.canvases.map((c) => Array.from(c).join());

describe("the Theorem 5 and parity programs compiled to weights decode exactly as the evaluator does", () => {
  it("Dyck-k: the same canvases, edit scripts, meters and word for every seed; the same tie sets, so the same choice tree", () => {
    for (const [k, length] of [[1, 4], [2, 8], [3, 6]] as const) {
      const c = dyckProgram(k, length);
      const weights = weightsPredictor(compile(c.program).model);
      for (let seed = 0; seed < 4; seed++) {
        const a = sampleDyck(c, seed, { trace: true });
        const b = sampleDyck(c, seed, { predictor: weights, trace: true });
        expect(canvases(b.decode.trace)).toEqual(canvases(a.decode.trace));
        expect(b.decode.trace!.edits).toEqual(a.decode.trace!.edits);
        expect({ ...b.decode.meters, flops: 0, work: 0, fullPasses: 0 }).toEqual(a.decode.meters);
        expect(b.decode.meters.flops).toBeGreaterThan(0);
        expect(b.decode.meters.steps).toBe(dyckSteps(length));
      }
    }
    const c = dyckProgram(2, 4);
    const e = enumerateApMdm(weightsPredictor(compile(c.program).model), c.initial, 10_000);
    expect(e.finals.length).toBe(allTwoSidedDyck(2, 4).length);
    expect(e.states).toBe(enumerateApMdm(evaluatorPredictor(c.program), c.initial, 10_000).states);
  });

  it("Dyck-k at length 0: the empty canvas is decoded too", () => {
    const c = dyckProgram(1, 0);
    const r = decodeApMdm(weightsPredictor(compile(c.program).model), c.initial, { maxSteps: 3 });
    expect(Array.from(r.canvas)).toEqual([]);
    expect(r.meters.steps).toBe(3);
  });

  it("parity over the weights is right on every bit string of length 1 … 12, in 2⌈log₂ n⌉ + 1 steps", () => {
    const weights = memoPredictor(weightsPredictor(compile(parityProgram(12)).model));
    for (let n = 1; n <= 12; n++) {
      for (let v = 0; v < 2 ** n; v++) {
        const bits = Array.from({ length: n }, (_, i) => (v >> i) & 1);
        const r = computeParity(bits, { predictor: weights });
        if (r.parity !== bits.reduce((a, b) => a ^ b, 0) || r.decode.meters.steps !== paritySteps(n)) expect({ bits, parity: r.parity, steps: r.decode.meters.steps }).toBe("right");
      }
    }
  });

  const parityWeights = weightsPredictor(compile(parityProgram(64)).model);
  test.prop([fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 64 })], { numRuns: 30 })(
    "parity: the same canvases and parity on generated strings of 1 … 64 bits",
    (bits) => {
      const a = computeParity(bits, { trace: true });
      const b = computeParity(bits, { predictor: parityWeights, trace: true });
      expect(canvases(b.decode.trace)).toEqual(canvases(a.decode.trace));
      expect(b.parity).toBe(a.parity);
    },
  );
});
