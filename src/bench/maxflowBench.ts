import { certifyMaxflow } from "../ap-mdm/maxflow/certifyMaxflow.js";
import { depthFirstMaxflow } from "../ap-mdm/maxflow/depthFirstMaxflow.js";
import { maxflowProgram } from "../ap-mdm/maxflow/maxflowProgram.js";
import { randomFlowGraph } from "../ap-mdm/maxflow/randomFlowGraph.js";
import { solveMaxflow } from "../ap-mdm/maxflow/solveMaxflow.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import type { Benchmark } from "./benchmark.js";

/** Node counts, each with 4n edges and seed 1 (source 0, target n − 1). */
const SIZES = [15, 30, 45, 60];

/**
 * The Edmonds–Karp AP-MDM on larger random graphs, over compiled weights: flow value (certified against
 * depth-first Ford–Fulkerson), steps, peak context, edits, FLOPs, and wall and CPU time per decode and per
 * step (the default, incremental engine; CPU time is what a shared machine does not inflate).
 */
export const maxflowBench: Benchmark = {
  name: "maxflow: Edmonds–Karp AP-MDM on random graphs of 15 … 60 nodes (4n edges)",
  async run() {
    return SIZES.map((n) => {
      const g = randomFlowGraph(n, 4 * n, 1);
      const construction = maxflowProgram(n, g.edges.length);
      const { predictor } = compiledPredictor(construction.program);
      const [t0, cpu0] = [performance.now(), process.cpuUsage()];
      const r = solveMaxflow(g, { construction, predictor });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const m = r.decode.meters;
      const exact = certifyMaxflow(g, r, depthFirstMaxflow(g)).length === 0 ? "exact" : "WRONG";
      return (
        `n=${n}, m=${g.edges.length}: flow ${r.value} (${exact}), ${m.steps} steps, peak context ${m.peakContext}, ` +
        `edits ${m.unmasked}/${m.remasked}/${m.inserted}/${m.deleted} (unmask/remask/insert/delete), ${m.flops} FLOPs, ` +
        `${(ms / 1000).toFixed(2)} s (${(ms / m.steps).toFixed(1)} ms a step; ${(cpuMs / m.steps).toFixed(1)} ms of CPU)`
      );
    });
  },
};
