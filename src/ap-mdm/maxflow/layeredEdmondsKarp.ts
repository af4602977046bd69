import type { FlowGraph } from "./flowGraph.js";

/**
 * Edmonds–Karp written plainly, to predict the AP-MDM's step count: breadth-first search one layer at a
 * time over the residual arcs (edge i forward when its flow is 0, backward when 1); a node's parent edge
 * is the lowest-indexed edge offering it in the layer that reaches it (the construction's tie rule).
 * Returns each augmenting path's length and the number of layers the last (failing) search grows.
 */
export function layeredEdmondsKarp(g: FlowGraph): { paths: number[]; lastLayers: number } {
  const flow = new Array<number>(g.edges.length).fill(0);
  const paths: number[] = [];
  for (;;) {
    const parentEdge = new Map<number, number>([[g.source, -1]]);
    let layers = 0;
    while (!parentEdge.has(g.target)) {
      const offers = new Map<number, number>();
      g.edges.forEach(([u, v], i) => {
        const [from, to] = flow[i] === 0 ? [u, v] : [v, u];
        if (parentEdge.has(from) && !parentEdge.has(to) && !offers.has(to)) offers.set(to, i);
      });
      if (offers.size === 0) break;
      for (const [node, edge] of offers) parentEdge.set(node, edge);
      layers += 1;
    }
    if (!parentEdge.has(g.target)) return { paths, lastLayers: layers };
    let length = 0;
    for (let x = g.target; x !== g.source; length++) {
      const i = parentEdge.get(x)!;
      flow[i] = 1 - flow[i];
      x = g.edges[i][0] === x ? g.edges[i][1] : g.edges[i][0];
    }
    paths.push(length);
  }
}

/** The decode's steps: 3d + 3 per path of d edges (2d search, START, d flips, CLEAR-1, CLEAR-2) and 2D + 3 at the end. */
export const predictedSteps = (r: { paths: number[]; lastLayers: number }): number => r.paths.reduce((s, d) => s + 3 * d + 3, 0) + 2 * r.lastLayers + 3;
