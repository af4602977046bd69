import { constructApMdm } from "../ap-mdm/thm4/constructApMdm.js";
import { decodeThm4 } from "../ap-mdm/thm4/decodeThm4.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { MdmError } from "../mdm/MdmError.js";
import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { decodeThm1 } from "../mdm/thm1/decodeThm1.js";
import { PramError } from "../pram/pramError.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { runPram } from "../pram/runPram.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";

/**
 * How a run ends, in one comparable string: the output ("3,4,8,9"), or "error KIND". The canvas calls
 * falling off the end "fell-off", so the interpreter's "fell-off-end" is named so too.
 */
export function pramOutcome(instance: PramInstance, input: readonly number[]): string {
  try {
    return runPram(instance, input).output.join(",");
  } catch (e) {
    if (e instanceof PramError) return `error ${e.detail.kind === "fell-off-end" ? "fell-off" : e.detail.kind}`;
    throw e;
  }
}

/**
 * The same for the decode alone (no interpreter run first), over compiled weights: the MDM of Theorem 1
 * or the AP-MDM of Theorem 4; an error is the token the construction wrote where the PRAM fails.
 */
export function decodeOutcome(instance: PramInstance, input: readonly number[], model: "mdm" | "ap-mdm", engine?: ForwardEngine): string {
  try {
    if (model === "ap-mdm") {
      const c = constructApMdm(instance);
      return decodeThm4(c, input, compiledPredictor(c.program, engine).predictor).output.join(",");
    }
    const c = constructMdm(instance);
    return decodeThm1(c, input, "mdm", compiledPredictor(c.program(false), engine).predictor).output.join(",");
  } catch (e) {
    if (e instanceof MdmError) return `error ${e.kind}`;
    throw e;
  }
}
