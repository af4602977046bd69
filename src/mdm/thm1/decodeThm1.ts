import { canvasError } from "../canvasError.js";
import { decodeBounds } from "../decodeBounds.js";
import { decodeArm } from "../decodeArm.js";
import { type DecodeResult, decodeMdm } from "../decodeMdm.js";
import type { Thm1Model } from "../mdmRun.js";
import type { Predictor } from "../predictor.js";
import type { MdmConstruction } from "./constructMdm.js";

export interface Thm1Decode {
  readonly result: DecodeResult;
  /** The output region read back as words. */
  readonly output: number[];
}

/**
 * Decodes a Theorem 1 canvas for one input with the given process: the canvas is BOS, the input tokens, and
 * masks (none for the ARM, which appends). `predictor` must be built from `construction.program(model ===
 * "arm")`. The MDM gets a cap of T + 2 steps (the construction needs at most T + 1), the one-token processes
 * one step per position. Decoding stops at the first error token, raised as the MdmError it stands for.
 */
export function decodeThm1(construction: MdmConstruction, input: readonly number[], model: Thm1Model, predictor: Predictor, trace = false): Thm1Decode {
  const { layout, vocab } = construction;
  const prefix = Int32Array.from([vocab.bos, ...input.map((v) => vocab.value(v))]);
  const onStep = (canvas: Int32Array, step: number) => {
    const e = canvasError(canvas, vocab, layout, step);
    if (e) throw e;
  };
  const result =
    model === "arm"
      ? decodeArm(predictor, prefix, layout.length, { maxSteps: decodeBounds(construction.instance, model).steps, trace, onStep })
      : decodeMdm(predictor, masked(prefix, layout.length, vocab.mask), model, { maxSteps: decodeBounds(construction.instance, model).steps, trace, onStep });
  const output = Array.from(result.canvas.subarray(layout.outputBase), (t) => {
    const token = vocab.read(t);
    if (token.kind !== "value") throw new Error(`output token ${vocab.names[t]} is not a word`);
    return token.value;
  });
  return { result, output };
}

function masked(prefix: Int32Array, length: number, mask: number): Int32Array {
  const canvas = new Int32Array(length).fill(mask);
  canvas.set(prefix);
  return canvas;
}
