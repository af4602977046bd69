import type { EfaspProgram } from "../efasp/efaspProgram.js";
import { evaluate } from "../efasp/evaluate.js";
import type { Predictor } from "./predictor.js";

/** The E-FASP evaluator as a predictor: the reference the compiled weights are checked against. */
export function evaluatorPredictor(program: EfaspProgram): Predictor {
  return {
    vocab: program.vocab,
    maskToken: program.maskToken,
    predict(tokens) {
      const r = evaluate(program, Array.from(tokens));
      return { prediction: r.prediction, tied: r.tied, control: r.control, flops: 0, work: 0, fullPasses: 0, margins: null };
    },
  };
}
