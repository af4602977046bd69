import { type ApMdmMeters, decodeApMdm } from "../ap-mdm/decodeApMdm.js";
import type { EditScript } from "../ap-mdm/editScript.js";
import { decodeArm } from "../mdm/decodeArm.js";
import { decodeMdm } from "../mdm/decodeMdm.js";
import type { Predictor } from "../mdm/predictor.js";
import type { Sampler } from "./sampler.js";

/** One sample and what it cost. `context` is the canvas length (ARM: the final sequence; AP-MDM: its peak). */
export interface SampleRun {
  readonly output: string;
  readonly steps: number;
  readonly context: number;
  readonly flops: number;
  /** AP-MDM edit counts (null for MDM and ARM). */
  readonly edits: Pick<ApMdmMeters, "unmasked" | "remasked" | "inserted" | "deleted"> | null;
  /** The canvas before step 1 and after every step, when traced. */
  readonly canvases: Int32Array[] | null;
  /** Every step's edit script, when an AP-MDM decode was traced (null otherwise). */
  readonly scripts: EditScript[] | null;
}

/** Decodes one sample with seeded sampling among exact ties, capped at the sampler's promised steps. */
export function sampleOnce(s: Sampler, predictor: Predictor, seed: number, trace = false): SampleRun {
  const ties = { kind: "sample", seed } as const;
  if (s.decode === "ap-mdm") {
    const r = decodeApMdm(predictor, s.initial, { maxSteps: s.steps, ties, trace });
    const { unmasked, remasked, inserted, deleted } = r.meters;
    return { output: s.readOutput(r.canvas), steps: r.meters.steps, context: r.meters.peakContext, flops: r.meters.flops, edits: { unmasked, remasked, inserted, deleted }, canvases: r.trace?.canvases ?? null, scripts: r.trace?.edits ?? null };
  }
  const r = s.decode === "mdm" ? decodeMdm(predictor, s.initial, "mdm", { maxSteps: s.steps, ties, trace }) : decodeArm(predictor, s.initial, s.length, { maxSteps: s.steps, ties, trace });
  return { output: s.readOutput(r.canvas), steps: r.steps, context: r.canvas.length, flops: r.flops, edits: null, canvases: r.canvases, scripts: null };
}
