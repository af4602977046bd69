import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runSweepTask } from "./runSweepTask.js";
import type { SweepTask, SweepTaskResult } from "./sweepTask.js";
import { reviveError, type TransferredError } from "./transferredError.js";

/** A worker's answer to task `id`. */
export type WorkerReply = { readonly id: number; readonly ok: true; readonly result: unknown } | { readonly id: number; readonly ok: false; readonly error: TransferredError };

/**
 * Where sweep tasks run: `threads` at once. A task's result does not depend on where it ran, so callers
 * may submit in any order and must only collect in their own plan's order.
 */
export interface TaskPool {
  readonly threads: number;
  run<T extends SweepTask>(task: T): Promise<SweepTaskResult<T>>;
  /** Runs `task` once on every thread, e.g. a JIT warm-up before timed work: its results, one per thread. */
  runOnEach<T extends SweepTask>(task: T): Promise<SweepTaskResult<T>[]>;
  /** Ends the worker threads; tasks not yet answered are dropped (their promises never settle), later ones rejected. */
  close(): Promise<void>;
}

/** Every task in the calling thread, one at a time: `--threads 1`. */
export const inThread: TaskPool = {
  threads: 1,
  run: async (task) => runSweepTask(task),
  runOnEach: async (task) => [runSweepTask(task)],
  close: async () => {},
};

/**
 * A pool of `threads` worker threads (node:worker_threads), each running sweepWorker.js and holding its
 * own modules, caches and compiled models; 1 is the main thread itself (inThread). Workers start when
 * the first tasks need them, one task each at a time, taken in submission order. An idle worker does not
 * keep the process alive; a busy one does, so the process cannot end with a task unanswered. A worker
 * that dies (an error outside any task, out of memory) rejects every task not yet answered.
 * Run from the TypeScript sources (the tests under vitest), where no compiled worker entry exists beside
 * this module, the pool is the main thread: the CLI tests spawn the built `apmdm` to exercise workers.
 */
export function taskPool(threads: number): TaskPool {
  const entry = new URL("./sweepWorker.js", import.meta.url);
  if (threads === 1 || !existsSync(fileURLToPath(entry))) return inThread;
  return workerPool(threads, entry);
}

interface Job {
  readonly id: number;
  readonly task: SweepTask;
  /** The worker this job must run on (runOnEach), or null for any. */
  readonly pinned: number | null;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

function workerPool(threads: number, entry: URL): TaskPool {
  const workers: { readonly worker: Worker; job: Job | null }[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let broken: Error | null = null;

  const failAll = (error: Error) => {
    broken ??= error;
    for (const w of workers) {
      w.job?.reject(error);
      w.job = null;
    }
    for (const job of queue.splice(0)) job.reject(error);
  };
  const start = () => {
    const slot: { readonly worker: Worker; job: Job | null } = { worker: new Worker(entry), job: null };
    slot.worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      if (job === null) return; // dropped by close()
      slot.job = null;
      slot.worker.unref();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(reviveError(reply.error));
      pump();
    });
    slot.worker.on("error", (e) => failAll(e));
    slot.worker.on("exit", (code) => failAll(new Error(`a worker thread ended (exit code ${code}) with tasks unanswered`)));
    slot.worker.unref();
    workers.push(slot);
  };
  const pump = () => {
    for (let k = 0; k < queue.length; k++) {
      const job = queue[k];
      if (job.pinned === null && workers.length < threads && workers.every((w) => w.job !== null)) start();
      const free = job.pinned !== null ? (workers[job.pinned].job === null ? job.pinned : -1) : workers.findIndex((w) => w.job === null);
      if (free < 0) continue;
      queue.splice(k--, 1);
      const slot = workers[free];
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  };
  const submit = (task: SweepTask, pinned: number | null) =>
    new Promise<unknown>((resolve, reject) => {
      if (broken) return reject(broken);
      queue.push({ id: nextId++, task, pinned, resolve, reject });
      pump();
    });
  return {
    threads,
    run: <T extends SweepTask>(task: T) => submit(task, null) as Promise<SweepTaskResult<T>>,
    runOnEach<T extends SweepTask>(task: T) {
      while (workers.length < threads) start();
      return Promise.all(workers.map((_, k) => submit(task, k))) as Promise<SweepTaskResult<T>[]>;
    },
    async close() {
      // Tasks still queued or running are dropped unanswered: the caller has stopped waiting for them (an
      // error ended its sweep), and a rejection nobody handles would end the process with a second error.
      broken ??= new Error("the task pool is closed");
      queue.length = 0;
      for (const w of workers) w.job = null;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
