import type { EditScript } from "../ap-mdm/editScript.js";
import type { PramMeters } from "../pram/pramMeters.js";

/**
 * The decoding processes of design.md: any-order MDM, its left-to-right restriction and the ARM baseline
 * (Theorem 1's canvas), and the any-process MDM (Theorem 4's buffers).
 */
export type DecodeModel = "mdm" | "masked-arm" | "arm" | "ap-mdm";

export const DECODE_MODELS: readonly DecodeModel[] = ["mdm", "masked-arm", "arm", "ap-mdm"];

/** The processes that decode Theorem 1's canvas. */
export type Thm1Model = Exclude<DecodeModel, "ap-mdm">;

export interface MdmMeters {
  /** Decoding steps = forward passes. */
  readonly steps: number;
  /** Context length: the canvas length S (for the ARM, the final sequence length; for the AP-MDM, its peak). */
  readonly context: number;
  readonly layers: number;
  readonly heads: number;
  /** Residual width dModel. */
  readonly width: number;
  readonly params: number;
  /** Forward-pass FLOPs summed over all steps. */
  readonly flops: number;
  /** FLOPs the forward-pass engine actually ran (≤ flops for the incremental engine), and its full passes. */
  readonly work: number;
  readonly fullPasses: number;
  /** Tokens unmasked by each step (for the AP-MDM, only when traced). */
  readonly unmaskedPerStep: readonly number[];
  /** AP-MDM only: the longest canvas, and the edits of each kind over the whole decode. */
  readonly apMdm?: { readonly peakContext: number; readonly unmask: number; readonly remask: number; readonly insert: number; readonly delete: number };
}

/** The result of simulating a PRAM program with a decoding process (Theorem 1 / 3). */
export interface MdmRun {
  readonly program: string;
  readonly n: number;
  readonly model: DecodeModel;
  readonly output: number[];
  readonly pramOutput: number[];
  readonly pramMeters: PramMeters;
  readonly meters: MdmMeters;
  readonly vocab: readonly string[];
  /** The canvas before step 1, after step 1, …, when a trace was asked for. */
  readonly canvases: Int32Array[] | null;
  /** AP-MDM, traced: the edit script of every step. */
  readonly edits?: readonly EditScript[];
  /** A short human name for what canvas position i holds, e.g. "t3 p1 pc" or "mem[4]". */
  readonly describe: (position: number) => string;
}
