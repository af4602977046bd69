import { evaluatorPredictor } from "../../mdm/evaluatorPredictor.js";
import type { Predictor } from "../../mdm/predictor.js";
import { type ApMdmDecode, decodeApMdm } from "../decodeApMdm.js";
import type { DyckConstruction } from "./dyckProgram.js";

export interface DyckSample {
  /** Letters as signed integers: +i = a_i, −i = ā_i. */
  readonly word: number[];
  /** The word in the vocabulary's letters, e.g. "abBA" ("" for the empty word). */
  readonly text: string;
  readonly decode: ApMdmDecode;
}

/** The exact number of decoding steps of a generation of length 2m (dyckProgram): 4m + 3. */
export const dyckSteps = (length: number): number => 2 * length + 3;

/**
 * One seeded generation: decodeApMdm with sampling among exact ties, by default over the E-FASP evaluator.
 * Capped at exactly dyckSteps(length): a generation that needed one step more would be a bug.
 */
export function sampleDyck(c: DyckConstruction, seed: number, options: { predictor?: Predictor; trace?: boolean } = {}): DyckSample {
  const predictor = options.predictor ?? evaluatorPredictor(c.program);
  const decode = decodeApMdm(predictor, c.initial, { maxSteps: dyckSteps(c.length), ties: { kind: "sample", seed }, trace: options.trace });
  const word = Array.from(decode.canvas, (t) => c.vocab.letterOf(t));
  return { word, text: Array.from(decode.canvas, (t) => c.vocab.names[t]).join(""), decode };
}
