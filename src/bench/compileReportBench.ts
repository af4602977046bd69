import { compile } from "../efasp/compile.js";
import { measure } from "../efasp/measure.js";
import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { decodeThm1 } from "../mdm/thm1/decodeThm1.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { Benchmark } from "./benchmark.js";

const SIZES = [4, 8, 16];
/** Seconds one size may take before larger sizes are skipped (APMDM_BENCH_BUDGET, as for the decode benchmark). */
const BUDGET_S = Number(process.env.APMDM_BENCH_BUDGET ?? 60);

/**
 * The compile report of the Theorem 1 MDM for prefix sums: layers, heads, width, MLP units and parameters,
 * then, over every canvas of its decode over the weights, the attention and logit margins, the β at which
 * softmax is provably exact and the smallest β found that decodes as average-hard does (both verified by
 * softmax forward passes, about a hundred of them: n = 4 takes seconds, n = 8 a few minutes, n = 16 about a
 * quarter of an hour on one core, so sizes past the budget are skipped unless APMDM_BENCH_BUDGET is raised).
 */
export const compileReportBench: Benchmark = {
  name: "compile report: Theorem 1 MDM of prefix sums (shape, margins, softmax β)",
  async run() {
    const lines: string[] = [];
    for (const n of SIZES) {
      const t0 = performance.now();
      const construction = constructMdm(instantiate(loadProgram("prefix-sums"), n));
      const compiled = compile(construction.program(false));
      const { layers, heads, width, mlpUnits, params } = compiled.report;
      const input = Array.from({ length: n }, (_, k) => (k * 7 + 3) % 16);
      const canvases = decodeThm1(construction, input, "mdm", weightsPredictor(compiled.model), true).result.canvases!;
      const m = measure(compiled, canvases);
      const seconds = (performance.now() - t0) / 1000;
      lines.push(
        `n=${String(n).padStart(2)}: ${layers} layers, ${heads} heads, width ${width}, ${mlpUnits} MLP units, ${params} parameters; ` +
          `over the ${canvases.length} canvases (${canvases[0].length} tokens): attention margin ≥ ${m.minAttentionMargin}, logit margin ≥ ${m.minLogitMargin}, ` +
          `softmax exact at β ≥ ${m.betaExact}, same decisions at β = ${m.betaDecode.toFixed(3)} (${seconds.toFixed(0)} s)`,
      );
      if (seconds > BUDGET_S && n !== SIZES[SIZES.length - 1]) {
        lines.push(`larger n skipped (n=${n} took more than ${BUDGET_S} s; set APMDM_BENCH_BUDGET to go on)`);
        break;
      }
    }
    return lines;
  },
};
