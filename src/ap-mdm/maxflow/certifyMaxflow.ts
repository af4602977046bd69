import type { FlowGraph } from "./flowGraph.js";
import type { MaxflowRun } from "./solveMaxflow.js";

/**
 * What a max-flow decode claims, checked exactly against a reference value: the flow is 0/1 per edge and
 * conserved at every node but s and t, with `reference` units leaving s; the deleted edges are that many,
 * saturated, and separate t from s. Returns the claims that fail (none: a max flow with its min cut).
 */
export function certifyMaxflow(g: FlowGraph, r: Pick<MaxflowRun, "value" | "cut" | "flow">, reference: number): string[] {
  const failures: string[] = [];
  const net = new Array<number>(g.nodes).fill(0);
  g.edges.forEach(([u, v], i) => {
    net[u] += r.flow[i];
    net[v] -= r.flow[i];
  });
  const cut = new Set(r.cut.map(([u, v]) => `${u},${v}`));
  if (r.value !== reference) failures.push(`value ${r.value}, the reference says ${reference}`);
  if (net[g.source] !== reference) failures.push(`${net[g.source]} units leave the source, not ${reference}`);
  const leaky = net.findIndex((x, node) => node !== g.source && node !== g.target && x !== 0);
  if (leaky >= 0) failures.push(`flow is not conserved at node ${leaky}`);
  if (r.cut.length !== reference) failures.push(`the cut has ${r.cut.length} edges, not ${reference}`);
  if (g.edges.some(([u, v], i) => cut.has(`${u},${v}`) && r.flow[i] !== 1)) failures.push("a cut edge carries no flow");
  if (reachable(g, cut)) failures.push("the target is still reachable without the cut edges");
  return failures;
}

/** t reachable from s over the edges not in `removed`. */
function reachable(g: FlowGraph, removed: ReadonlySet<string>): boolean {
  const seen = new Set([g.source]);
  const stack = [g.source];
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const [u, v] of g.edges) {
      if (u === x && !seen.has(v) && !removed.has(`${u},${v}`)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return seen.has(g.target);
}
