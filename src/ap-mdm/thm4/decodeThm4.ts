import { decodeBounds } from "../../mdm/decodeBounds.js";
import { MdmError } from "../../mdm/MdmError.js";
import type { CanvasErrorKind } from "../../mdm/thm1/canvasVocabulary.js";
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
 * ⌈log₂ S⌉ growth + 1 init + T(n) + 2 finish + 1 fixed-point check. The first step that writes an error
 * token stops the decode. All of that step's tokens come from one PRAM step, and the one raised is the one
 * the interpreter would raise (docs/semantics.md): step-bound (the clock) before any processor's own
 * error, own errors in pid order (each pc cell shows its processor's first), conflicts last.
 */
export function decodeThm4(construction: ApMdmConstruction, input: readonly number[], predictor: Predictor, trace = false): Thm4Decode {
  const { vocab, layout, instance } = construction;
  let failure: MdmError | null = null;
  let step = 0;
  const result = decodeApMdm(predictor, construction.initial(input), {
    maxSteps: decodeBounds(instance, "ap-mdm").steps,
    trace,
    onStep: (canvas) => {
      step += 1;
      let best: { rank: number; position: number; kind: CanvasErrorKind } | null = null;
      for (let i = 0; i < canvas.length; i++) {
        const t = vocab.read(canvas[i]);
        if (t.kind !== "error") continue;
        const rank = t.error === "step-bound" ? 0 : t.error === "conflict" ? 2 : 1;
        if (best === null || rank < best.rank) best = { rank, position: i, kind: t.error };
      }
      if (best === null) return;
      failure = new MdmError(best.kind, `the simulated run failed: ${best.kind} error at ${layout.describe(best.position)} (canvas position ${best.position}) (decoding step ${step})`, step);
      return "stop";
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
