import { seededRandom } from "../ap-mdm/seededRandom.js";
import type { TieBreak } from "../ap-mdm/tieBreak.js";
import { MdmError } from "./MdmError.js";
import type { Predictor } from "./predictor.js";

/** How a masked canvas is decoded: any-order parallel (MDM) or one leftmost mask per step (Masked-ARM). */
export type MaskedDecode = "mdm" | "masked-arm";

export interface DecodeResult {
  readonly canvas: Int32Array;
  readonly steps: number;
  readonly unmaskedPerStep: number[];
  readonly flops: number;
  /** FLOPs the engine actually ran, and its full forward passes (see Prediction). */
  readonly work: number;
  readonly fullPasses: number;
  /** The canvas before step 1 and after every step, when traced. */
  readonly canvases: Int32Array[] | null;
}

export interface DecodeOptions {
  readonly maxSteps: number;
  readonly trace?: boolean;
  /** Default: lowest token id. `sample`: a seeded uniform draw among a position's exactly tied maxima (as decodeApMdm). */
  readonly ties?: TieBreak;
  /** Called after every step (e.g. to stop early when an error token appears). */
  readonly onStep?: (canvas: Int32Array, step: number) => void;
}

/**
 * Decodes a canvas to the end (design.md, MDM): each step is one forward pass; under "mdm" every masked
 * position takes its prediction (predicting MASK keeps it masked), under "masked-arm" only the leftmost
 * masked position changes, to its prediction (or, with `ties: sample`, a seeded uniform draw among its exactly
 * tied maxima, one draw per such position left to right; drawing the mask keeps it masked). Unmasked
 * positions never change. Ends when no mask is left;
 * a step that changes nothing, or passing maxSteps, is an error.
 */
export function decodeMdm(predictor: Predictor, initial: Int32Array, mode: MaskedDecode, options: DecodeOptions): DecodeResult {
  const M = predictor.maskToken;
  const random = options.ties?.kind === "sample" ? seededRandom(options.ties.seed) : null;
  const canvas = Int32Array.from(initial);
  const canvases = options.trace ? [Int32Array.from(canvas)] : null;
  const unmaskedPerStep: number[] = [];
  const outputs = new Uint8Array(canvas.length);
  let flops = 0;
  let work = 0;
  let fullPasses = 0;
  let steps = 0;
  for (;;) {
    let masked = 0;
    let leftmost = -1;
    for (let i = 0; i < canvas.length; i++) {
      const m = canvas[i] === M ? 1 : 0;
      if (m && leftmost < 0) leftmost = i;
      masked += m;
      outputs[i] = mode === "mdm" ? m : 0;
    }
    if (masked === 0) break;
    if (steps >= options.maxSteps) throw new MdmError("step-cap", `decoding passed its cap of ${options.maxSteps} steps with ${masked} masks left`);
    if (mode === "masked-arm") outputs[leftmost] = 1;
    const p = predictor.predict(canvas, outputs);
    flops += p.flops;
    work += p.work;
    fullPasses += p.fullPasses;
    steps += 1;
    let unmasked = 0;
    for (let i = 0; i < canvas.length; i++) {
      if (!outputs[i]) continue;
      const tied = random ? p.tied(i) : null;
      const token = tied && tied.length > 1 ? tied[random!.below(tied.length)] : p.prediction[i];
      if (token !== M) {
        canvas[i] = token;
        unmasked += 1;
      }
    }
    if (unmasked === 0) throw new MdmError("stuck", `step ${steps} unmasked nothing with ${masked} masks left (first at position ${leftmost})`);
    unmaskedPerStep.push(unmasked);
    canvases?.push(Int32Array.from(canvas));
    options.onStep?.(canvas, steps);
  }
  return { canvas, steps, unmaskedPerStep, flops, work, fullPasses, canvases };
}
