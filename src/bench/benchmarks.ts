import type { Benchmark } from "./benchmark.js";
import { forwardBench } from "./forwardBench.js";

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [forwardBench];
