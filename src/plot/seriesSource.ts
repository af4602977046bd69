import type { TaskPool } from "../parallel/taskPool.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { PramRunSummary } from "./pramRunSummary.js";

/** The processes a plot can show: the PRAM itself (the reference) and the decoders that simulate it. */
export type PlotModel = "pram" | "arm" | "masked-arm" | "mdm" | "ap-mdm";

/**
 * What a series is fitted against, from the PRAM run at the same (program, input):
 * - "T": the PRAM's measured parallel steps on this input;
 * - "PT": declared processors P(n) × declared step bound T(n) (the Theorem 1 context bound);
 * - "S": the machine's state S(n) = M(n) + P(n)·(R + 1), memory plus every processor's pc and registers
 *   (the Theorem 4 peak-context bound).
 */
export type Regressor = "T" | "PT" | "S";

export interface Measurement {
  /** The process's output: the sweep checks it equals the PRAM's, so no plot shows a wrong run. */
  readonly output: readonly number[];
  /** Decoding steps (for the PRAM: parallel steps T). */
  readonly steps: number;
  /** Context length (for the PRAM: memory cells M; for AP-MDM: peak context). */
  readonly context: number;
}

/**
 * One plotted process: how to measure it on a program at one input, and what each metric is fitted
 * against (null: plotted as a reference, not fitted). `apmdm plot` runs every registered source.
 */
export interface SeriesSource {
  readonly model: PlotModel;
  /** Legend name, e.g. "MDM". */
  readonly label: string;
  readonly fit: { readonly steps: Regressor | null; readonly context: Regressor | null };
  /** One forward pass per token (ARM, Masked-ARM): swept only up to SweepSettings.maxNTokenwise. */
  readonly tokenwise: boolean;
  /** Measures one input; a decode runs as a task of `pool` (in another thread when it has several). */
  readonly measure: (instance: PramInstance, input: readonly number[], pram: PramRunSummary, pool: TaskPool) => Promise<Measurement>;
}
