import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";

/**
 * The max-flow value by push–relabel (Goldberg–Tarjan, FIFO, no heuristics): a preflow, not augmenting
 * paths, so it shares nothing with the breadth-first construction or with depth-first Ford–Fulkerson but
 * the unit capacities. Polynomial (O(n³)), so it checks the 30–60-node graphs the brute-force min cut cannot.
 */
export function pushRelabelMaxflow(g: FlowGraph): number {
  const n = g.nodes;
  const flow = new Int8Array(g.edges.length);
  const excess = new Int32Array(n);
  const height = new Int32Array(n);
  const arcs: { edge: number; forward: boolean }[][] = Array.from({ length: n }, () => []);
  g.edges.forEach(([u, v], edge) => {
    arcs[u].push({ edge, forward: true });
    arcs[v].push({ edge, forward: false });
  });
  const head = (a: { edge: number; forward: boolean }) => g.edges[a.edge][a.forward ? 1 : 0];
  const residual = (a: { edge: number; forward: boolean }) => (a.forward ? 1 - flow[a.edge] : flow[a.edge]);
  const active: number[] = [];
  const push = (a: { edge: number; forward: boolean }, from: number) => {
    const to = head(a);
    flow[a.edge] += a.forward ? 1 : -1;
    excess[from] -= 1;
    excess[to] += 1;
    if (excess[to] === 1 && to !== g.source && to !== g.target) active.push(to);
  };
  height[g.source] = n;
  for (const a of arcs[g.source]) if (residual(a) === 1) push(a, g.source);
  while (active.length > 0) {
    const x = active.shift()!;
    while (excess[x] > 0) {
      const a = arcs[x].find((b) => residual(b) === 1 && height[x] === height[head(b)] + 1);
      if (a !== undefined) push(a, x);
      else height[x] = 1 + Math.min(...arcs[x].filter((b) => residual(b) === 1).map((b) => height[head(b)]));
    }
  }
  return excess[g.target];
}
