import { seededRandom } from "../ap-mdm/seededRandom.js";
import { MdmError } from "./MdmError.js";
import type { DecodeOptions, DecodeResult } from "./decodeMdm.js";
import type { Predictor } from "./predictor.js";

/**
 * The ARM baseline (design.md): no padding; each step appends one position, runs the (causal) model over
 * the sequence so far, and keeps its prediction there: one token per step, left to right, until `length`
 * tokens. The appended position holds MASK while it is predicted, so a causal model sees exactly the prefix.
 * With `ties: sample` the token is a seeded uniform draw among the exactly tied maxima.
 */
export function decodeArm(predictor: Predictor, prefix: Int32Array, length: number, options: DecodeOptions): DecodeResult {
  const seq = new Int32Array(length);
  seq.set(prefix);
  let n = prefix.length;
  const random = options.ties?.kind === "sample" ? seededRandom(options.ties.seed) : null;
  const canvases = options.trace ? [Int32Array.from(seq.subarray(0, n))] : null;
  const unmaskedPerStep: number[] = [];
  let flops = 0;
  let work = 0;
  let fullPasses = 0;
  let steps = 0;
  while (n < length) {
    if (steps >= options.maxSteps) throw new MdmError("step-cap", `decoding passed its cap of ${options.maxSteps} steps`);
    seq[n] = predictor.maskToken;
    const view = seq.subarray(0, n + 1);
    const outputs = new Uint8Array(n + 1);
    outputs[n] = 1;
    const p = predictor.predict(view, outputs);
    flops += p.flops;
    work += p.work;
    fullPasses += p.fullPasses;
    steps += 1;
    const tied = random ? p.tied(n) : null;
    const token = tied && tied.length > 1 ? tied[random!.below(tied.length)] : p.prediction[n];
    if (token === predictor.maskToken) throw new MdmError("stuck", `step ${steps}: the ARM predicted MASK at position ${n}`);
    seq[n] = token;
    n += 1;
    unmaskedPerStep.push(1);
    canvases?.push(Int32Array.from(seq.subarray(0, n)));
    options.onStep?.(seq.subarray(0, n), steps);
  }
  return { canvas: seq, steps, unmaskedPerStep, flops, work, fullPasses, canvases };
}
