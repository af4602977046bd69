import { MdmError } from "../../mdm/MdmError.js";
import type { Predictor } from "../../mdm/predictor.js";
import { type ApMdmDecode, decodeApMdm } from "../decodeApMdm.js";
import type { ApMdmConstruction } from "./constructApMdm.js";

export interface Thm4Decode {
  readonly result: ApMdmDecode;
  /** The final canvas read back as words: exactly the output region. */
  readonly output: number[];
}

/**
 * Decodes a Theorem 4 construction from [BOS, input] to its fixed point with `predictor` (built from
 * `construction.program`). The cap is the construction's own step count for T(n) PRAM steps plus one:
 * ⌈log₂ S⌉ growth + 1 init + T(n) + 2 finish + 1 fixed-point check. The first error token stops the decode
 * and is raised as the MdmError it stands for.
 */
export function decodeThm4(construction: ApMdmConstruction, input: readonly number[], predictor: Predictor, trace = false): Thm4Decode {
  const { vocab, layout, instance } = construction;
  let failure: MdmError | null = null;
  const result = decodeApMdm(predictor, construction.initial(input), {
    maxSteps: Math.ceil(Math.log2(layout.S)) + instance.stepBound + 5,
    trace,
    onStep: (canvas) => {
      for (let i = 0; i < canvas.length; i++) {
        const t = vocab.read(canvas[i]);
        if (t.kind === "error") {
          failure = new MdmError(t.error, `the simulated run failed: ${t.error} error at ${layout.describe(i)} (canvas position ${i})`);
          return "stop";
        }
      }
    },
  });
  if (failure) throw failure;
  const output = Array.from(result.canvas, (id) => {
    const t = vocab.read(id);
    if (t.kind !== "value") throw new Error(`AP-MDM fixed point holds ${vocab.names[id]}, not a word`);
    return t.value;
  });
  return { result, output };
}
