import { compiledPredictor } from "../../mdm/compiledPredictor.js";
import { certifyMaxflow } from "./certifyMaxflow.js";
import { depthFirstMaxflow } from "./depthFirstMaxflow.js";
import { maxflowProgram } from "./maxflowProgram.js";
import { randomFlowGraph } from "./randomFlowGraph.js";
import { solveMaxflow } from "./solveMaxflow.js";

/** One row of the docs/maxflow.md table: `graphs` seeded random graphs of n nodes and 3n edges (at most n(n − 1)). */
export interface MaxflowSweepRow {
  readonly nodes: number;
  readonly graphs: number;
  /** Decodes certified exact against depth-first Ford–Fulkerson (certifyMaxflow). */
  readonly solved: number;
  readonly meanValue: number;
  readonly meanSteps: number;
  readonly maxSteps: number;
  readonly meanPeakContext: number;
  /** Mean edits per decode, by kind. */
  readonly meanEdits: { readonly unmask: number; readonly remask: number; readonly insert: number; readonly delete: number };
}

/**
 * Decodes `randomFlowGraph(n, min(3n, n(n − 1)), seed)` for seed = 1 … graphs at each n over the compiled weights and
 * summarises: the figures docs/maxflow.md sets beside the paper's trained accuracies.
 */
export function maxflowSweep(sizes: readonly number[], graphs: number): MaxflowSweepRow[] {
  return sizes.map((n) => {
    const edges = Math.min(3 * n, n * (n - 1));
    const construction = maxflowProgram(n, edges);
    const { predictor } = compiledPredictor(construction.program);
    const runs = Array.from({ length: graphs }, (_, i) => {
      const g = randomFlowGraph(n, edges, i + 1);
      const r = solveMaxflow(g, { construction, predictor });
      return { r, exact: certifyMaxflow(g, r, depthFirstMaxflow(g)).length === 0 };
    });
    const mean = (f: (r: (typeof runs)[number]["r"]) => number) => runs.reduce((s, x) => s + f(x.r), 0) / graphs;
    const m = (r: (typeof runs)[number]["r"]) => r.decode.meters;
    return {
      nodes: n,
      graphs,
      solved: runs.filter((x) => x.exact).length,
      meanValue: mean((r) => r.value),
      meanSteps: mean((r) => m(r).steps),
      maxSteps: Math.max(...runs.map((x) => m(x.r).steps)),
      meanPeakContext: mean((r) => m(r).peakContext),
      meanEdits: { unmask: mean((r) => m(r).unmasked), remask: mean((r) => m(r).remasked), insert: mean((r) => m(r).inserted), delete: mean((r) => m(r).deleted) },
    };
  });
}

/** The rows as the Markdown table of docs/maxflow.md (means to one decimal). */
export function maxflowSweepTable(rows: readonly MaxflowSweepRow[]): string {
  const f = (x: number) => x.toFixed(1);
  return [
    "| nodes | edges | graphs | exact | mean flow | steps mean / max | peak context | unmask | remask | insert | delete |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.nodes} | ${Math.min(3 * r.nodes, r.nodes * (r.nodes - 1))} | ${r.graphs} | ${r.solved}/${r.graphs} | ${f(r.meanValue)} | ${f(r.meanSteps)} / ${r.maxSteps} | ${f(r.meanPeakContext)} | ${f(r.meanEdits.unmask)} | ${f(r.meanEdits.remask)} | ${f(r.meanEdits.insert)} | ${f(r.meanEdits.delete)} |`),
  ].join("\n");
}
