import fc from "fast-check";
import { DECODE_MODELS } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import { plotSizes } from "../plot/plotSizes.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { Benchmark } from "./benchmark.js";
import { peakMiB } from "./mdmBench.js";

/** Seconds one decode may take (APMDM_PROGRAMS_BUDGET; issue 9 asks for 60). */
const BUDGET_S = Number(process.env.APMDM_PROGRAMS_BUDGET ?? 60);
/** The largest n tried (APMDM_PROGRAMS_MAX_N). */
const MAX_N = Number(process.env.APMDM_PROGRAMS_MAX_N ?? 1024);

/**
 * For every library program and every process (MDM, Masked-ARM, ARM, AP-MDM): the largest n (a power of two
 * the program is valid at) whose decode over the compiled weights (construct + compile + decode, default
 * engine) finishes within the budget, with its time, steps and context; sizes double until one decode takes
 * longer (that size is reported too). One input per n from the program's own generator (seed 1); every output
 * is compared with the PRAM interpreter's. Long: `npm run bench -- programs`.
 */
export const programsBench: Benchmark = {
  name: "programs: the largest n of every library program and process within the budget",
  async run() {
    const lines = [`budget ${BUDGET_S} s per decode, n ≤ ${MAX_N}: | program | process | largest n | seconds | steps | context | next n |`];
    for (const entry of library) {
      const program = loadProgram(entry.name);
      for (const model of DECODE_MODELS) {
        let best: { n: number; seconds: number; steps: number; context: number } | null = null;
        let over = "—";
        for (const n of plotSizes(program, MAX_N)) {
          const input = fc.sample(entry.inputs(n), { seed: 1, numRuns: 1 })[0];
          const t0 = performance.now();
          const run = simulate(instantiate(program, n), input, { model });
          const seconds = (performance.now() - t0) / 1000;
          if (run.output.join() !== run.pramOutput.join()) throw new Error(`${entry.name} ${model} n=${n}: output differs from the PRAM's`);
          if (seconds > BUDGET_S) {
            over = `n=${n}: ${seconds.toFixed(1)} s`;
            break;
          }
          best = { n, seconds, steps: run.meters.steps, context: run.meters.context };
        }
        const cells = best ? [best.n, best.seconds.toFixed(2), best.steps, best.context] : ["none", "—", "—", "—"];
        lines.push(`| ${entry.name} | ${model} | ${cells.join(" | ")} | ${over} |`);
      }
    }
    lines.push(`peak RSS ${peakMiB()} MiB`);
    return lines;
  },
};
