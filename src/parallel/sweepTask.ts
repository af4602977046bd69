import type { DecodeModel } from "../mdm/mdmRun.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { GeneratedCheck } from "../proofs/generatedCheck.js";
import type { LibraryCheck } from "../proofs/libraryCheck.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";

/**
 * One independent, deterministic piece of a sweep, as a message a worker thread can run (plain data only:
 * it crosses threads by structured clone). Its result depends on the task alone, never on the thread that
 * ran it, so a sweep's output is the same whatever the thread count.
 */
export type SweepTask =
  /** The property "<model> output = PRAM output" of the library sweep at one (program, n) (Theorems 1 and 4). */
  | { readonly kind: "library-check"; readonly program: string; readonly instance: PramInstance; readonly model: DecodeModel; readonly runs: number; readonly seed: number; readonly engine?: ForwardEngine }
  /** The generated-programs property of a simulation theorem (generatedCheck). */
  | { readonly kind: "generated-check"; readonly model: "mdm" | "ap-mdm"; readonly theorem: string; readonly runs: number; readonly seed: number; readonly engine?: ForwardEngine }
  /** One decode of a plot's series: construct ▷ compile ▷ decode over the weights. */
  | { readonly kind: "decode"; readonly instance: PramInstance; readonly input: readonly number[]; readonly model: DecodeModel; readonly engine?: ForwardEngine }
  | TimedDecodeTask;

/** One decode of `npm run bench -- programs`, timed on its thread and stopped past `budget` CPU seconds (timedDecode). */
export interface TimedDecodeTask {
  readonly kind: "timed-decode";
  readonly instance: PramInstance;
  readonly input: readonly number[];
  readonly model: DecodeModel;
  readonly budget: number;
}

/** What each kind of task answers. */
export interface SweepTaskResults {
  readonly "library-check": LibraryCheck;
  readonly "generated-check": GeneratedCheck;
  readonly decode: { readonly output: readonly number[]; readonly steps: number; readonly context: number };
  /** Its cost, and (null when it was stopped past its budget) whether its output equals the PRAM's, and its meters. */
  readonly "timed-decode": {
    readonly cpu: number;
    readonly seconds: number;
    readonly run: { readonly agrees: boolean; readonly steps: number; readonly context: number } | null;
  };
}

export type SweepTaskResult<T extends SweepTask> = SweepTaskResults[T["kind"]];
