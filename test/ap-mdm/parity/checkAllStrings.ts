import { expect } from "vitest";
import { memoPredictor } from "../../../src/ap-mdm/memoPredictor.js";
import { computeParity, paritySteps } from "../../../src/ap-mdm/parity/computeParity.js";
import { parityProgram } from "../../../src/ap-mdm/parity/parityProgram.js";
import { evaluatorPredictor } from "../../../src/mdm/evaluatorPredictor.js";

/**
 * Decodes every bit string of length from … to and expects the right parity in exactly paritySteps(n)
 * steps with a peak context of n (the canvas never grows). Returns how many strings it checked. The
 * predictor is memoized: strings share their later rounds.
 */
export function checkAllStrings(from: number, to: number): number {
  const predictor = memoPredictor(evaluatorPredictor(parityProgram(to)));
  let strings = 0;
  for (let n = from; n <= to; n++) {
    for (let v = 0; v < 2 ** n; v++) {
      const bits = Array.from({ length: n }, (_, i) => (v >> i) & 1);
      const parity = bits.reduce((a, b) => a ^ b, 0);
      const r = computeParity(bits, { predictor });
      const got = { bits, parity: r.parity, steps: r.decode.meters.steps, peak: r.decode.meters.peakContext };
      if (got.parity !== parity || got.steps !== paritySteps(n) || got.peak !== n) expect(got).toEqual({ bits, parity, steps: paritySteps(n), peak: n });
      strings += 1;
    }
  }
  return strings;
}
