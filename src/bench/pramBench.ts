import fc from "fast-check";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import type { Benchmark } from "./benchmark.js";

const CASES: readonly { program: string; n: number }[] = [
  { program: "prefix-sums", n: 2 ** 16 },
  { program: "connected-components", n: 2 ** 14 },
  { program: "bitonic-sort", n: 2 ** 14 },
];

/**
 * Interpreter throughput in processor-instructions per second (the run's W over its wall time, best of
 * five runs, one core) on large inputs drawn from each program's own generator. Target: ≥ 10 M/s.
 */
export const pramBench: Benchmark = {
  name: "PRAM interpreter throughput (processor-instructions per second, best of 5)",
  async run() {
    return CASES.map(({ program, n }) => {
      const entry = library.find((e) => e.name === program)!;
      const instance = instantiate(loadProgram(program), n);
      const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 1 })[0];
      let best = Infinity;
      let W = 0;
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        W = runPram(instance, input).meters.W;
        best = Math.min(best, (performance.now() - t0) / 1000);
      }
      return `${program} n=${n}: W = ${W} processor-instructions in ${(best * 1000).toFixed(1)} ms: ${(W / best / 1e6).toFixed(1)} M/s`;
    });
  },
};
