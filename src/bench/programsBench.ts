import fc from "fast-check";
import { decodeRefusal } from "../mdm/decodeRefusal.js";
import { DECODE_MODELS } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import { plotSizes } from "../plot/plotSizes.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
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
 * weights (construct + compile + decode, default engine) takes at most the budget in CPU seconds (user + sys
 * of this process: the figure a shared machine does not distort; the wall time is printed beside it), with
 * its steps, context and the process's peak memory so far. One input per n from the program's own generator
 * (seed 1); every output is compared with the PRAM interpreter's. The sweep of a row ends at the first size
 * that overruns the budget (stopped at the first forward pass past it, so a row costs at most a few budgets),
 * that the layouts refuse (reported with the reason), or
 * that would certainly overrun: a decode's time grows at least linearly in n (its canvas does), so a size n′
 * after one of t seconds at n is not run when t·n′/n exceeds the budget (reported as that lower bound).
 * Long: `npm run bench -- programs`; progress on stderr, a line per row.
 */
export const programsBench: Benchmark = {
  name: "programs: the largest n of every library program and process within the budget",
  async run() {
    const lines = [`budget ${BUDGET_S} CPU s per decode, n ≤ ${MAX_N}: | program | process | largest n | CPU s | wall s | steps | context | peak RSS MiB | next n |`];
    for (const entry of library) {
      const program = loadProgram(entry.name);
      for (const model of DECODE_MODELS) {
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
          const t0 = performance.now();
          const cpu0 = process.cpuUsage();
          const spent = () => {
            const used = process.cpuUsage(cpu0);
            return (used.user + used.system) / 1e6;
          };
          // A decode past the budget is stopped at its next forward pass: the size is over whatever its end.
          const stop = new Error("over budget");
          let run: ReturnType<typeof simulate>;
          const onPrediction = () => {
            if (spent() > BUDGET_S) throw stop;
          };
          try {
            run = simulate(instance, input, { model, onPrediction });
          } catch (e) {
            if (e !== stop) throw e;
            next = `n=${n}: over ${BUDGET_S} s (stopped at ${spent().toFixed(1)} s)`;
            break;
          }
          const cpu = spent();
          const seconds = (performance.now() - t0) / 1000;
          if (run.output.join() !== run.pramOutput.join()) throw new Error(`${entry.name} ${model} n=${n}: output differs from the PRAM's`);
          if (cpu > BUDGET_S) {
            next = `n=${n}: ${cpu.toFixed(1)} s`;
            break;
          }
          best = { n, cpu, seconds, steps: run.meters.steps, context: run.meters.context, rss: peakMiB() };
        }
        const cells = best ? [best.n, best.cpu.toFixed(2), best.seconds.toFixed(2), best.steps, best.context, best.rss] : ["none", "—", "—", "—", "—", "—"];
        const line = `| ${entry.name} | ${model} | ${cells.join(" | ")} | ${next} |`;
        process.stderr.write(`${line}\n`);
        lines.push(line);
      }
    }
    lines.push(`peak RSS ${peakMiB()} MiB`);
    return lines;
  },
};
