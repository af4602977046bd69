import type { Prediction, Predictor } from "../../src/mdm/predictor.js";

/** The mask token of fakePredictor's vocabulary. */
export const M = 0;

/**
 * A hand-written predictor over tokens M, a, b, c (ids 0 … 3): `rule` gives, per position, the tied
 * tokens and the remask/insert/delete bits from the whole canvas. Each call costs 10 FLOPs.
 */
export function fakePredictor(rule: (x: Int32Array, i: number) => { tied: number[]; bits: [number, number, number] }): Predictor {
  return {
    vocab: ["M", "a", "b", "c"],
    maskToken: M,
    predict(x): Prediction {
      const rows = Array.from(x, (_, i) => rule(x, i));
      return {
        prediction: Int32Array.from(rows, (r) => Math.min(...r.tied)),
        tied: (i) => [...rows[i].tied].sort((p, q) => p - q),
        control: [0, 1, 2].map((k) => Uint8Array.from(rows, (r) => r.bits[k])) as unknown as Prediction["control"],
        flops: 10,
        work: 10,
        fullPasses: 1,
        margins: null,
      };
    },
  };
}
