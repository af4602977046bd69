import type { Benchmark } from "./benchmark.js";

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [];
