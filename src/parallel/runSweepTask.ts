import { match } from "ts-pattern";
import { simulate } from "../mdm/simulate.js";
import { generatedCheck } from "../proofs/generatedCheck.js";
import { libraryCheck } from "../proofs/libraryCheck.js";
import { timedDecode } from "./timedDecode.js";
import type { SweepTask, SweepTaskResult } from "./sweepTask.js";

/** Runs one sweep task, in whichever thread calls it (a pool's worker, or the main thread with --threads 1). */
export function runSweepTask<T extends SweepTask>(task: T): SweepTaskResult<T> {
  return match<SweepTask, SweepTaskResult<SweepTask>>(task)
    .with({ kind: "library-check" }, (t) => libraryCheck(t.program, t.instance, t.model, t.runs, t.seed, t.engine))
    .with({ kind: "generated-check" }, (t) => generatedCheck(t, t.model, t.theorem))
    .with({ kind: "decode" }, (t) => {
      const run = simulate(t.instance, t.input, { model: t.model, engine: t.engine });
      return { output: run.output, steps: run.meters.steps, context: run.meters.context };
    })
    .with({ kind: "timed-decode" }, timedDecode)
    .exhaustive() as SweepTaskResult<T>;
}
