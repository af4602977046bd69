import { match } from "ts-pattern";
import { MdmError } from "../mdm/MdmError.js";
import type { Predictor } from "../mdm/predictor.js";
import type { EditScript } from "./editScript.js";
import { emittingPositions } from "./emittingPositions.js";
import { seededRandom } from "./seededRandom.js";
import type { TieBreak } from "./tieBreak.js";
import { transition } from "./transition.js";

export interface ApMdmMeters {
  /** Forward passes, the last (checking) step that changed nothing included. */
  readonly steps: number;
  /** Longest canvas seen, the initial one included. */
  readonly peakContext: number;
  readonly finalContext: number;
  /** Edits over the whole decode, by kind (see EditScript). */
  readonly unmasked: number;
  readonly remasked: number;
  readonly inserted: number;
  readonly deleted: number;
  readonly flops: number;
  /** FLOPs the engine actually ran, and its full forward passes (see Prediction). */
  readonly work: number;
  readonly fullPasses: number;
}

export interface ApMdmTrace {
  /** The canvas before step 1 and after every step. */
  readonly canvases: Int32Array[];
  /** The edit script of every step. */
  readonly edits: EditScript[];
}

export interface ApMdmDecode {
  readonly canvas: Int32Array;
  /** fixed-point: a step changed nothing and no mask was left; stopped: onStep asked to stop. */
  readonly end: "fixed-point" | "stopped";
  readonly meters: ApMdmMeters;
  readonly trace: ApMdmTrace | null;
}

export interface ApMdmDecodeOptions {
  readonly maxSteps: number;
  /** Default: lowest token id. */
  readonly ties?: TieBreak;
  readonly trace?: boolean;
  /** Called after every step with the new canvas; returning "stop" ends the decode (e.g. at an error token). */
  readonly onStep?: (canvas: Int32Array, edits: EditScript) => "stop" | void;
}

/**
 * Decodes with an AP-MDM (design.md, AP-MDM): each step is one forward pass giving predictions and
 * remask/insert/delete bits, applied by the transition g. Masked positions that take a token take the
 * argmax (lowest id on a tie) or, with `ties: sample`, a seeded uniform draw among exactly the tied
 * maxima. Ends at a fixed point: a step that leaves the canvas as it was with no mask left (that step is
 * counted). A step that leaves it as it was with masks left is "stuck"; passing `maxSteps` is "step-cap".
 */
export function decodeApMdm(predictor: Predictor, initial: Int32Array, options: ApMdmDecodeOptions): ApMdmDecode {
  const M = predictor.maskToken;
  const ties = options.ties ?? { kind: "lowest" };
  const random = ties.kind === "sample" ? seededRandom(ties.seed) : null;
  const trace: ApMdmTrace | null = options.trace ? { canvases: [Int32Array.from(initial)], edits: [] } : null;
  let canvas: Int32Array = Int32Array.from(initial);
  let peakContext = canvas.length;
  let unmasked = 0;
  let remasked = 0;
  let inserted = 0;
  let deleted = 0;
  let flops = 0;
  let work = 0;
  let fullPasses = 0;
  let steps = 0;
  const meters = (): ApMdmMeters => ({ steps, peakContext, finalContext: canvas.length, unmasked, remasked, inserted, deleted, flops, work, fullPasses });
  for (;;) {
    if (steps >= options.maxSteps) {
      throw new MdmError("step-cap", `AP-MDM decoding passed its cap of ${options.maxSteps} steps (canvas length ${canvas.length}, ${countMasks(canvas, M)} masks)`);
    }
    const p = predictor.predict(canvas);
    if (p.control === null) throw new MdmError("stuck", "the predictor gives no remask/insert/delete bits: not an AP-MDM");
    const emit = random ? Int32Array.from(p.prediction) : p.prediction;
    if (random) {
      for (const i of emittingPositions(canvas, p.control, M)) {
        const tied = p.tied(i);
        if (tied.length > 1) emit[i] = tied[random.below(tied.length)];
      }
    }
    steps += 1;
    flops += p.flops;
    work += p.work;
    fullPasses += p.fullPasses;
    const { canvas: next, edits } = transition(canvas, emit, p.control, M, steps);
    const changed = !sameTokens(canvas, next);
    canvas = next;
    peakContext = Math.max(peakContext, canvas.length);
    unmasked += edits.unmask.length;
    remasked += edits.remask.length;
    inserted += edits.insert.length;
    deleted += edits.delete.length;
    trace?.canvases.push(Int32Array.from(canvas));
    trace?.edits.push(edits);
    const verdict = options.onStep?.(canvas, edits);
    const end = match({ stop: verdict === "stop", changed, masks: countMasks(canvas, M) })
      .with({ stop: true }, () => "stopped" as const)
      .with({ changed: true }, () => null)
      .with({ masks: 0 }, () => "fixed-point" as const)
      .otherwise(({ masks }) => {
        throw new MdmError("stuck", `step ${steps} changed nothing with ${masks} masks left (canvas length ${canvas.length})`);
      });
    if (end !== null) return { canvas, end, meters: meters(), trace };
  }
}

function countMasks(canvas: Int32Array, M: number): number {
  let c = 0;
  for (let i = 0; i < canvas.length; i++) if (canvas[i] === M) c += 1;
  return c;
}

function sameTokens(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
