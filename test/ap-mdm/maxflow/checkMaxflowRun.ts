import { expect } from "vitest";
import { certifyMaxflow } from "../../../src/ap-mdm/maxflow/certifyMaxflow.js";
import { depthFirstMaxflow } from "../../../src/ap-mdm/maxflow/depthFirstMaxflow.js";
import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";
import { maxflowStepCap, type MaxflowRun } from "../../../src/ap-mdm/maxflow/solveMaxflow.js";
import { minCutReference } from "./minCutReference.js";

/**
 * A decode's claims certified against a reference value — by default the brute-force min cut — which the
 * depth-first reference of `apmdm prove maxflow` must also equal, within the step cap and the context bound
 * of docs/maxflow.md.
 */
export function checkMaxflowRun(g: FlowGraph, r: MaxflowRun, reference: number = minCutReference(g)): void {
  const m = r.decode.meters;
  expect(
    { failures: certifyMaxflow(g, r, reference), depthFirst: depthFirstMaxflow(g), withinCap: m.steps <= maxflowStepCap(g.nodes), peakBound: m.peakContext <= 3 * g.edges.length + 2 * g.nodes + 3 },
    JSON.stringify(g),
  ).toEqual({ failures: [], depthFirst: reference, withinCap: true, peakBound: true });
}
