import type { FlowGraph } from "./flowGraph.js";

/**
 * The max-flow value by Ford–Fulkerson with depth-first augmenting paths (any path, not the shortest):
 * a reference that shares nothing with the breadth-first construction but the definition of a residual
 * arc. Fast enough for the 60-node graphs `apmdm prove maxflow` draws; the tests use a brute-force min cut.
 */
export function depthFirstMaxflow(g: FlowGraph): number {
  const flow = new Uint8Array(g.edges.length);
  const augment = (): boolean => {
    const seen = new Uint8Array(g.nodes);
    const visit = (x: number): boolean => {
      if (x === g.target) return true;
      seen[x] = 1;
      for (let i = 0; i < g.edges.length; i++) {
        const [u, v] = g.edges[i];
        const next = flow[i] === 0 && u === x ? v : flow[i] === 1 && v === x ? u : -1;
        if (next >= 0 && seen[next] === 0 && visit(next)) {
          flow[i] ^= 1;
          return true;
        }
      }
      return false;
    };
    return visit(g.source);
  };
  let value = 0;
  while (augment()) value += 1;
  return value;
}
