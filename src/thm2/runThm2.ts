import { decodeMdm } from "../mdm/decodeMdm.js";
import { MdmError } from "../mdm/MdmError.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { instantiate } from "../pram/instantiate.js";
import { parseProgram } from "../pram/parseProgram.js";
import type { PramMeters } from "../pram/pramMeters.js";
import { runPram } from "../pram/runPram.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Thm2Program } from "./compileThm2.js";
import { STATUS_DONE, STATUS_INEXACT, STATUS_STUCK } from "./emitDecoder.js";

/** How a decode ended: no mask left, or a pass that unmasked nothing (the MDM's "stuck"). */
export type DecodeEnd = "done" | "stuck";

export interface Thm2Outcome {
  readonly end: DecodeEnd;
  readonly canvas: number[];
  /** Forward passes run. */
  readonly steps: number;
}

export interface Thm2Run {
  /** The PRAM(1) program's result, read from its output region. */
  readonly pram: Thm2Outcome & { readonly divisions: number; readonly meters: PramMeters };
  /** The model's own decode (decodeMdm over the forward pass of src/transformer). */
  readonly model: Thm2Outcome;
  /** Same end and the same canvas, token for token. */
  readonly equal: boolean;
  /** The context S: the canvas length. */
  readonly context: number;
}

/**
 * Runs the compiled program on the PRAM interpreter and the model's own MDM decode of the same canvas,
 * and compares them. A status the decode cannot give (inexact: a remainder the validation missed) is an
 * error, as is any PRAM error: both would be bugs of the compiler.
 */
export function runThm2(program: Thm2Program, model: Transformer, canvas: Int32Array): Thm2Run {
  const instance = instantiate(parseProgram(program.source, "thm2.pram"), program.input.length);
  const run = runPram(instance, program.input);
  const [status, steps, divisions, ...final] = run.output;
  if (status === STATUS_INEXACT) throw new Error("thm2: the PRAM program found a tie average with a remainder that validation did not");
  if (status !== STATUS_DONE && status !== STATUS_STUCK) throw new Error(`thm2: the PRAM program ended with status ${status}`);
  const pram = { end: (status === STATUS_DONE ? "done" : "stuck") as DecodeEnd, canvas: final, steps, divisions, meters: run.meters };
  const own = modelDecode(model, canvas);
  const equal = pram.end === own.end && pram.steps === own.steps && pram.canvas.every((t, i) => t === own.canvas[i]);
  return { pram, model: own, equal, context: canvas.length };
}

/** decodeMdm with the weights; a stuck decode ends with the canvas it had (steps counts the stuck pass). */
export function modelDecode(model: Transformer, canvas: Int32Array): Thm2Outcome {
  let last = Array.from(canvas);
  let steps = 0;
  try {
    const r = decodeMdm(weightsPredictor(model), canvas, "mdm", { maxSteps: canvas.length, onStep: (c, s) => ((last = Array.from(c)), (steps = s)) });
    return { end: "done", canvas: Array.from(r.canvas), steps: r.steps };
  } catch (e) {
    if (e instanceof MdmError && e.kind === "stuck") return { end: "stuck", canvas: last, steps: steps + 1 };
    throw e;
  }
}
