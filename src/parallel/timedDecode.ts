import { simulate } from "../mdm/simulate.js";
import type { SweepTaskResults, TimedDecodeTask } from "./sweepTask.js";
import { threadCpuSeconds } from "./threadCpuSeconds.js";

/** How often (wall milliseconds) a timed decode reads its thread's CPU time: a thread's CPU time never exceeds its wall time, so a decode is stopped at most this much past its budget. */
const CHECK_MS = 100;

/**
 * One decode with its cost: the CPU seconds of the thread that ran it (user + system; V8's own helper
 * threads, e.g. concurrent garbage collection, are not counted) and its wall seconds. Past `budget` CPU
 * seconds it is stopped at its next forward pass (run: null).
 */
export function timedDecode(task: TimedDecodeTask): SweepTaskResults["timed-decode"] {
  const [wall0, cpu0] = [performance.now(), threadCpuSeconds()];
  const stop = new Error("over budget");
  let checked = wall0;
  const onPrediction = () => {
    const now = performance.now();
    if (now - checked < CHECK_MS) return;
    checked = now;
    if (threadCpuSeconds() - cpu0 > task.budget) throw stop;
  };
  let run: ReturnType<typeof simulate> | null = null;
  try {
    run = simulate(task.instance, task.input, { model: task.model, onPrediction });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return {
    cpu: threadCpuSeconds() - cpu0,
    seconds: (performance.now() - wall0) / 1000,
    run: run && { agrees: run.output.join() === run.pramOutput.join(), steps: run.meters.steps, context: run.meters.context },
  };
}
