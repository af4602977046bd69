import type { DecodeModel } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { runPram } from "../pram/runPram.js";
import type { Benchmark } from "./benchmark.js";

/** Seconds one decode may take before larger sizes of that model are skipped (APMDM_BENCH_BUDGET). */
const BUDGET_S = Number(process.env.APMDM_BENCH_BUDGET ?? 60);
const SIZES = [4, 8, 16, 32, 64, 128];

/**
 * Decode time of prefix sums over the compiled weights (construct + compile + decode, each step one forward
 * pass) for the MDM (Theorem 1) and the AP-MDM (Theorem 4), beside the PRAM interpreter's time on the same
 * input; the AP-MDM's peak context beside the MDM's canvas; the dense FLOPs beside the work the default
 * (incremental) engine ran and its full passes; the largest n each decodes within 10 s.
 */
export const mdmBench: Benchmark = {
  name: "decode: prefix sums, MDM (Theorem 1) and AP-MDM (Theorem 4), compiled weights",
  async run() {
    const lines: string[] = [];
    const program = loadProgram("prefix-sums");
    for (const model of ["mdm", "ap-mdm"] as const satisfies readonly DecodeModel[]) {
      let within10s = 0;
      for (const n of SIZES) {
        const instance = instantiate(program, n);
        const input = Array.from({ length: n }, (_, k) => (k * 7 + 3) % 16);
        const t0 = performance.now();
        const run = simulate(instance, input, { model });
        const seconds = (performance.now() - t0) / 1000;
        const pramSeconds = pramTime(instance, input);
        const same = run.output.every((v, i) => v === run.pramOutput[i]);
        lines.push(
          `${model.padEnd(6)} n=${String(n).padStart(3)}: ${seconds.toFixed(3)} s, ${run.meters.steps} steps, context ${run.meters.context}` +
            `${model === "ap-mdm" ? " (peak)" : ""}, ${(run.meters.flops / 1e9).toFixed(3)} GFLOP (engine ran ${(run.meters.work / 1e9).toFixed(3)}, ${run.meters.fullPasses} full passes); ` +
            `PRAM ${(pramSeconds * 1e6).toFixed(1)} µs (×${(seconds / pramSeconds).toExponential(2)}); output ${same ? "equal" : "DIFFERENT"}`,
        );
        if (seconds <= 10) within10s = n;
        if (seconds > BUDGET_S) {
          lines.push(`${model}: larger n skipped (n=${n} took more than ${BUDGET_S} s; set APMDM_BENCH_BUDGET to go on)`);
          break;
        }
      }
      lines.push(`${model}: largest n decoded within 10 s: ${within10s}`);
    }
    return lines;
  },
};

/** The interpreter's time for one run, averaged over enough repetitions to last about 50 ms. */
function pramTime(instance: PramInstance, input: readonly number[]): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) runPram(instance, input);
    const ms = performance.now() - t0;
    if (ms >= 50) return ms / 1000 / reps;
    reps *= 4;
  }
}
