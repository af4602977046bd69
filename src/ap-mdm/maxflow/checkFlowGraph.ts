import { ApMdmError } from "../ApMdmError.js";
import type { FlowGraph } from "./flowGraph.js";

/** The largest graph the construction takes (its vocabulary and lookups grow with it; docs/maxflow.md). */
export const MAX_FLOW_NODES = 64;

/**
 * Rejects what the construction does not take, naming the first offence: a node count outside
 * 2 … MAX_FLOW_NODES, a source or target or edge endpoint that is not a node, source = target, a
 * self-loop, an edge given twice. `where(i)` names edge i (e.g. "graph.txt:7"), `whereOf` the header fields.
 */
export function checkFlowGraph(g: FlowGraph, where: { edge: (i: number) => string; field: (name: "nodes" | "source" | "target") => string }): FlowGraph {
  const fail = (message: string) => {
    throw new ApMdmError("maxflow-graph", message);
  };
  if (!Number.isSafeInteger(g.nodes) || g.nodes < 2 || g.nodes > MAX_FLOW_NODES) {
    fail(`${where.field("nodes")}: a graph has 2 … ${MAX_FLOW_NODES} nodes, not ${g.nodes}`);
  }
  const isNode = (x: number) => Number.isSafeInteger(x) && x >= 0 && x < g.nodes;
  const range = `the graph has nodes 0 … ${g.nodes - 1}`;
  if (!isNode(g.source)) fail(`${where.field("source")}: unknown source node ${g.source} (${range})`);
  if (!isNode(g.target)) fail(`${where.field("target")}: unknown target node ${g.target} (${range})`);
  if (g.source === g.target) fail(`${where.field("target")}: the target is the source (node ${g.source}); they must differ`);
  const seen = new Map<string, number>();
  g.edges.forEach(([u, v], i) => {
    for (const x of [u, v]) if (!isNode(x)) fail(`${where.edge(i)}: unknown node ${x} in edge ${u} → ${v} (${range})`);
    if (u === v) fail(`${where.edge(i)}: self-loop ${u} → ${v} (a flow network here has none)`);
    const first = seen.get(`${u},${v}`);
    if (first !== undefined) fail(`${where.edge(i)}: edge ${u} → ${v} repeats ${where.edge(first)} (capacities are 1: give each edge once)`);
    seen.set(`${u},${v}`, i);
  });
  return g;
}
