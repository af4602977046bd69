import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";

/**
 * The min-cut capacity by brute force, independent of any augmenting path: the fewest edges leaving a
 * node set that holds s and not t, over every such set (2^(n−2) of them). By max-flow/min-cut it is the
 * max-flow value.
 */
export function minCutReference(g: FlowGraph): number {
  const others = Array.from({ length: g.nodes }, (_, x) => x).filter((x) => x !== g.source && x !== g.target);
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 2 ** others.length; mask++) {
    const side = new Uint8Array(g.nodes);
    side[g.source] = 1;
    others.forEach((x, i) => {
      if ((mask >> i) & 1) side[x] = 1;
    });
    let cut = 0;
    for (const [u, v] of g.edges) if (side[u] === 1 && side[v] === 0) cut += 1;
    best = Math.min(best, cut);
  }
  return best;
}
