import fc from "fast-check";
import { threadsOption } from "../cli/threadsOption.js";
import { decodeRefusal } from "../mdm/decodeRefusal.js";
import { DECODE_MODELS, type DecodeModel } from "../mdm/mdmRun.js";
import { taskPool, type TaskPool } from "../parallel/taskPool.js";
import { plotSizes } from "../plot/plotSizes.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import type { LibraryEntry } from "../pram/library/libraryEntry.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { Benchmark } from "./benchmark.js";
import { peakMiB } from "./mdmBench.js";

/** CPU seconds one decode may take (APMDM_PROGRAMS_BUDGET; issue 9 asks for 60). */
const BUDGET_S = Number(process.env.APMDM_PROGRAMS_BUDGET ?? 60);
/** The largest n tried (APMDM_PROGRAMS_MAX_N). */
const MAX_N = Number(process.env.APMDM_PROGRAMS_MAX_N ?? 1024);

/**
 * For every library program and every process (MDM, Masked-ARM, ARM, AP-MDM): the largest n of the plot
 * ladder (1, 2, 3, 4, 6, 8, 12, …, moved to sizes the program is valid at) whose decode over the compiled
 * weights (construct + compile + decode, default engine) takes at most the budget in CPU seconds of the
 * thread that ran it (timedDecode: the figure neither a shared machine nor the other thread distorts; the
 * wall time is printed beside it), with its steps, context and the process's peak memory so far. One input
 * per n from the program's own generator (seed 1); every output is compared with the PRAM interpreter's.
 * The sweep of a row ends at the first size that overruns the budget (stopped at the first forward pass
 * past it, so a row costs at most a few budgets), that the layouts refuse (reported with the reason), or
 * that would certainly overrun: a decode's time grows at least linearly in n (its canvas does), so a size
 * n′ after one of t seconds at n is not run when t·n′/n exceeds the budget (reported as that lower bound).
 * The rows run on APMDM_THREADS worker threads (default 2), a row's sizes one after another on one thread,
 * and print in the table's order. Long: `npm run bench -- programs`; progress on stderr, a line per row.
 */
export const programsBench: Benchmark = {
  name: "programs: the largest n of every library program and process within the budget",
  async run() {
    const pool = taskPool(threadsOption(process.env.APMDM_THREADS));
    const rows = library.flatMap((entry) => DECODE_MODELS.map((model) => ({ entry, model })));
    const lines: string[] = [];
    let next = 0;
    const thread = async () => {
      for (let k = next++; k < rows.length; k = next++) {
        lines[k] = await row(rows[k].entry, rows[k].model, pool);
        process.stderr.write(`${lines[k]}\n`);
      }
    };
    try {
      await Promise.all(Array.from({ length: pool.threads }, thread));
    } finally {
      await pool.close();
    }
    const head = `budget ${BUDGET_S} CPU s per decode, n ≤ ${MAX_N}, ${pool.threads} threads: | program | process | largest n | CPU s | wall s | steps | context | peak RSS MiB | next n |`;
    return [head, ...lines, `peak RSS ${peakMiB()} MiB`];
  },
};

/** One row of the table: `model` on `entry` up the ladder while its decodes fit the budget. */
async function row(entry: LibraryEntry, model: DecodeModel, pool: TaskPool): Promise<string> {
  const program = loadProgram(entry.name);
  let best: { n: number; cpu: number; seconds: number; steps: number; context: number; rss: number } | null = null;
  let next = "— (n ≤ max)";
  for (const n of plotSizes(program, MAX_N)) {
    if (best !== null && (best.cpu * n) / best.n > BUDGET_S) {
      next = `n=${n}: ≥ ${((best.cpu * n) / best.n).toFixed(0)} s predicted, not run`;
      break;
    }
    const instance = instantiate(program, n);
    const refusal = decodeRefusal(instance, model);
    if (refusal !== null) {
      next = `n=${n}: refused (${refusal})`;
      break;
    }
    const input = fc.sample(entry.inputs(n), { seed: 1, numRuns: 1 })[0];
    const { cpu, seconds, run } = await pool.run({ kind: "timed-decode", instance, input, model, budget: BUDGET_S });
    if (run !== null && !run.agrees) throw new Error(`${entry.name} ${model} n=${n}: output differs from the PRAM's`);
    if (run === null || cpu > BUDGET_S) {
      next = run === null ? `n=${n}: over ${BUDGET_S} s (stopped at ${cpu.toFixed(1)} s)` : `n=${n}: ${cpu.toFixed(1)} s`;
      break;
    }
    best = { n, cpu, seconds, steps: run.steps, context: run.context, rss: peakMiB() };
  }
  const cells = best ? [best.n, best.cpu.toFixed(2), best.seconds.toFixed(2), best.steps, best.context, best.rss] : ["none", "—", "—", "—", "—", "—"];
  return `| ${entry.name} | ${model} | ${cells.join(" | ")} | ${next} |`;
}
