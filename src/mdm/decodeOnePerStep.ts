import { MdmError } from "./MdmError.js";
import type { DecodeOptions, DecodeResult } from "./decodeMdm.js";
import type { Predictor } from "./predictor.js";

/**
 * An any-order MDM decode that unmasks one token per step: each step runs the model over the canvas and
 * unmasks, among the masked positions whose prediction is a token (not MASK), the one of highest priority.
 * This is the decode Theorem 3's Masked-ARM reproduces.
 */
export function decodeOnePerStep(predictor: Predictor, initial: Int32Array, priority: (q: number) => number, options: DecodeOptions): DecodeResult {
  const M = predictor.maskToken;
  const canvas = Int32Array.from(initial);
  const canvases = options.trace ? [Int32Array.from(canvas)] : null;
  const outputs = new Uint8Array(canvas.length);
  let flops = 0;
  let work = 0;
  let fullPasses = 0;
  let steps = 0;
  for (;;) {
    let masked = 0;
    for (let i = 0; i < canvas.length; i++) {
      outputs[i] = canvas[i] === M ? 1 : 0;
      masked += outputs[i];
    }
    if (masked === 0) break;
    if (steps >= options.maxSteps) throw new MdmError("step-cap", `decoding passed its cap of ${options.maxSteps} steps`);
    const p = predictor.predict(canvas, outputs);
    flops += p.flops;
    work += p.work;
    fullPasses += p.fullPasses;
    steps += 1;
    let best = -1;
    for (let i = 0; i < canvas.length; i++) {
      if (outputs[i] && p.prediction[i] !== M && (best < 0 || priority(i) > priority(best))) best = i;
    }
    if (best < 0) throw new MdmError("stuck", `step ${steps}: no masked position is ready (${masked} masks left)`);
    canvas[best] = p.prediction[best];
    canvases?.push(Int32Array.from(canvas));
    options.onStep?.(canvas, steps);
  }
  return { canvas, steps, unmaskedPerStep: Array.from({ length: steps }, () => 1), flops, work, fullPasses, canvases };
}
