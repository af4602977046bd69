import fc from "fast-check";
import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";

/** A simple directed graph of `minNodes` … `maxNodes` nodes, at most `maxEdges` edges, any distinct source and target. */
export const arbitraryFlowGraph = (minNodes: number, maxNodes: number, maxEdges: number): fc.Arbitrary<FlowGraph> =>
  fc.integer({ min: minNodes, max: maxNodes }).chain((nodes) => {
    const node = fc.integer({ min: 0, max: nodes - 1 });
    const arc = fc.tuple(node, node).filter(([u, v]) => u !== v);
    const ends = fc.tuple(node, node).filter(([s, t]) => s !== t);
    return fc.record({
      nodes: fc.constant(nodes),
      ends,
      edges: fc.uniqueArray(arc, { maxLength: Math.min(maxEdges, nodes * (nodes - 1)), selector: ([u, v]) => u * nodes + v }),
    }).map(({ nodes, ends: [source, target], edges }) => ({ nodes, source, target, edges }));
  });
