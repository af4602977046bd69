import { parentPort } from "node:worker_threads";
import { runSweepTask } from "./runSweepTask.js";
import type { SweepTask } from "./sweepTask.js";
import { transferError } from "./transferredError.js";
import type { WorkerReply } from "./taskPool.js";

/** The entry point of a taskPool worker thread: runs each task it is sent and replies with its result or its error. */
parentPort!.on("message", ({ id, task }: { id: number; task: SweepTask }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: runSweepTask(task) };
  } catch (e) {
    reply = { id, ok: false, error: transferError(e) };
  }
  try {
    parentPort!.postMessage(reply);
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, error: transferError(e) } satisfies WorkerReply);
  }
});
