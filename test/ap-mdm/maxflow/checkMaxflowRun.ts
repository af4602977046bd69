import { expect } from "vitest";
import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";
import type { MaxflowRun } from "../../../src/ap-mdm/maxflow/solveMaxflow.js";
import { maxflowStepCap } from "../../../src/ap-mdm/maxflow/solveMaxflow.js";
import { minCutReference } from "./minCutReference.js";

/** t reachable from s over the edges not in `removed`. */
function connected(g: FlowGraph, removed: ReadonlySet<string>): boolean {
  const seen = new Set([g.source]);
  const stack = [g.source];
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const [u, v] of g.edges) if (u === x && !seen.has(v) && !removed.has(`${u},${v}`)) (seen.add(v), stack.push(v));
  }
  return seen.has(g.target);
}

/**
 * Everything a max-flow decode claims, checked exactly: the value equals the brute-force min cut; the
 * flow is a flow (0/1 per edge, conserved at every node but s and t) of that value; the deleted edges
 * are a cut (t unreachable without them) of that size; within the step cap and the context bound of docs/maxflow.md.
 */
export function checkMaxflowRun(g: FlowGraph, r: MaxflowRun): void {
  const net = new Array<number>(g.nodes).fill(0);
  g.edges.forEach(([u, v], i) => {
    net[u] += r.flow[i];
    net[v] -= r.flow[i];
  });
  const expected = minCutReference(g);
  const conservation = net.every((x, node) => node === g.source || node === g.target || x === 0);
  const cut = new Set(r.cut.map(([u, v]) => `${u},${v}`));
  const summary = {
    value: r.value,
    outOfSource: net[g.source],
    conservation,
    cutSize: r.cut.length,
    cutSeparates: !connected(g, cut),
    cutSaturated: g.edges.every(([u, v], i) => !cut.has(`${u},${v}`) || r.flow[i] === 1),
    withinCap: r.decode.meters.steps <= maxflowStepCap(g.nodes),
    peakBound: r.decode.meters.peakContext <= 3 * g.edges.length + 2 * g.nodes + 3,
  };
  expect(summary, JSON.stringify(g)).toEqual({ value: expected, outOfSource: expected, conservation: true, cutSize: expected, cutSeparates: true, cutSaturated: true, withinCap: true, peakBound: true });
}
