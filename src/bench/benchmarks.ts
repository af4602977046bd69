import type { Benchmark } from "./benchmark.js";
import { compileReportBench } from "./compileReportBench.js";
import { forwardBench } from "./forwardBench.js";
import { maxflowBench } from "./maxflowBench.js";
import { mdmBench } from "./mdmBench.js";
import { parityBench } from "./parityBench.js";
import { pramBench } from "./pramBench.js";
import { programsBench } from "./programsBench.js";
import { sudokuBench } from "./sudokuBench.js";
import { thm2Bench } from "./thm2Bench.js";

/** Every benchmark `npm run bench` runs, in order (`npm run bench -- WORD` runs those whose name contains it). */
export const benchmarks: readonly Benchmark[] = [pramBench, forwardBench, mdmBench, compileReportBench, sudokuBench, maxflowBench, parityBench, thm2Bench, programsBench];
