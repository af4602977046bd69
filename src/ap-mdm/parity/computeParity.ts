import { evaluatorPredictor } from "../../mdm/evaluatorPredictor.js";
import type { Predictor } from "../../mdm/predictor.js";
import { ApMdmError } from "../ApMdmError.js";
import { type ApMdmDecode, decodeApMdm } from "../decodeApMdm.js";
import { bitToken, PARITY_MASK, parityProgram } from "./parityProgram.js";

export interface ParityRun {
  readonly parity: 0 | 1;
  readonly decode: ApMdmDecode;
}

/** Decoding steps for n bits: 2⌈log₂ n⌉ reduce/clean steps and the checking step. */
export const paritySteps = (n: number): number => 2 * Math.ceil(Math.log2(n)) + 1;

/**
 * The parity of a bit string by the deletion AP-MDM (parityProgram), decoded over the E-FASP evaluator
 * unless a predictor (e.g. compiled weights) is given. Capped at exactly paritySteps(n).
 */
export function computeParity(bits: readonly number[], options: { predictor?: Predictor; trace?: boolean } = {}): ParityRun {
  if (bits.length === 0) throw new ApMdmError("parity-input", "the bit string is empty: give at least one bit");
  const bad = bits.findIndex((b) => b !== 0 && b !== 1);
  if (bad >= 0) throw new ApMdmError("parity-input", `position ${bad} holds ${bits[bad]}, not a bit`);
  const predictor = options.predictor ?? evaluatorPredictor(parityProgram(bits.length));
  const initial = Int32Array.from(bits, (b) => bitToken(b as 0 | 1));
  const decode = decodeApMdm(predictor, initial, { maxSteps: paritySteps(bits.length), trace: options.trace });
  if (decode.canvas.length !== 1 || decode.canvas[0] === PARITY_MASK) {
    throw new Error(`parity decode ended on ${decode.canvas.length} tokens, not one bit`);
  }
  return { parity: (decode.canvas[0] - 1) as 0 | 1, decode };
}
