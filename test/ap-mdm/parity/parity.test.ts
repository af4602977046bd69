import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ApMdmError } from "../../../src/ap-mdm/ApMdmError.js";
import { computeParity, paritySteps } from "../../../src/ap-mdm/parity/computeParity.js";
import { parityProgram } from "../../../src/ap-mdm/parity/parityProgram.js";
import { evaluatorPredictor } from "../../../src/mdm/evaluatorPredictor.js";
import { checkAllStrings } from "./checkAllStrings.js";

const show = (canvas: Int32Array) => Array.from(canvas, (t) => "M01"[t]).join("");

describe("parity by deleting pairs", () => {
  it("pairs, remasks what is not the result, then deletes (11 leaves a 0), as docs/theorem5.md shows", () => {
    const r = computeParity([1, 0, 1, 1, 0, 1, 1], { trace: true });
    expect(r.decode.trace!.canvases.map(show)).toEqual(["1011011", "1MMMM11", "1011", "1MMM", "10", "1M", "1", "1"]);
    expect(r.parity).toBe(1);
    expect(r.decode.meters).toEqual({ steps: 7, peakContext: 7, finalContext: 1, unmasked: 2, remasked: 8, inserted: 0, deleted: 6, flops: 0, work: 0, fullPasses: 0 });
  });

  it("is right on every bit string of length 1 … 11, in exactly 2⌈log₂ n⌉ + 1 steps, never growing the canvas (12: parityExhaustive12)", () => {
    expect(checkAllStrings(1, 11)).toBe(2 ** 12 - 2);
  });

  const predictor = evaluatorPredictor(parityProgram(256));
  test.prop([fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 13, maxLength: 200 })], { numRuns: 25 })(
    "is right on longer strings (13 … 200 bits), in 2⌈log₂ n⌉ + 1 steps",
    (bits) => {
      const r = computeParity(bits, { predictor });
      expect(r.parity).toBe(bits.reduce((a, b) => a ^ b, 0));
      expect(r.decode.meters.steps).toBe(paritySteps(bits.length));
      // Every remasked bit is deleted or, for 11, unmasked to 0 in the next step.
      expect(r.decode.meters.remasked).toBe(r.decode.meters.deleted + r.decode.meters.unmasked);
      expect(r.decode.meters.finalContext).toBe(1);
    },
  );

  it("step counts: 2⌈log₂ n⌉ + 1", () => {
    expect([1, 2, 3, 4, 5, 8, 9, 16, 100, 128, 129, 200].map(paritySteps)).toEqual([1, 3, 5, 5, 7, 7, 9, 9, 15, 15, 17, 17]);
  });

  it("rejects an empty string and non-bits", () => {
    expect(() => computeParity([])).toThrow(ApMdmError);
    expect(() => computeParity([])).toThrow("the bit string is empty: give at least one bit");
    expect(() => computeParity([1, 2])).toThrow("position 1 holds 2, not a bit");
  });
});
