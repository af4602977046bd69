import { ApMdmError } from "../ApMdmError.js";
import { seededRandom } from "../seededRandom.js";
import { checkFlowGraph } from "./checkFlowGraph.js";
import type { FlowGraph } from "./flowGraph.js";

/**
 * A seeded random simple directed graph: `edges` arcs drawn uniformly without repetition from the
 * n(n − 1) possible ones (a Fisher–Yates shuffle of all arcs in u-major order, first `edges` kept, in
 * shuffled order), source 0, target n − 1. The same arguments give the same graph on every platform.
 */
export function randomFlowGraph(nodes: number, edges: number, seed: number): FlowGraph {
  const where = { edge: (i: number) => `--random edge ${i}`, field: () => `--random ${nodes},${edges},${seed}` };
  checkFlowGraph({ nodes, source: 0, target: nodes - 1, edges: [] }, where);
  const arcs: [number, number][] = [];
  for (let u = 0; u < nodes; u++) for (let v = 0; v < nodes; v++) if (u !== v) arcs.push([u, v]);
  if (!Number.isSafeInteger(edges) || edges < 0 || edges > arcs.length) {
    throw new ApMdmError("maxflow-graph", `${where.field()}: ${nodes} nodes take 0 … ${arcs.length} edges, not ${edges}`);
  }
  const random = seededRandom(seed);
  for (let i = arcs.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [arcs[i], arcs[j]] = [arcs[j], arcs[i]];
  }
  return { nodes, source: 0, target: nodes - 1, edges: arcs.slice(0, edges) };
}
