import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { FlowGraph } from "../../../src/ap-mdm/maxflow/flowGraph.js";
import { layeredEdmondsKarp, predictedSteps } from "../../../src/ap-mdm/maxflow/layeredEdmondsKarp.js";
import { maxflowProgram } from "../../../src/ap-mdm/maxflow/maxflowProgram.js";
import { randomFlowGraph } from "../../../src/ap-mdm/maxflow/randomFlowGraph.js";
import { type MaxflowRun, solveMaxflow } from "../../../src/ap-mdm/maxflow/solveMaxflow.js";
import { compiledPredictor } from "../../../src/mdm/compiledPredictor.js";
import { arbitraryFlowGraph } from "./arbitraryFlowGraph.js";
import { checkMaxflowRun } from "./checkMaxflowRun.js";
import { minCutReference } from "./minCutReference.js";
import { pushRelabelMaxflow } from "./pushRelabelMaxflow.js";

/** Decoded over weights compiled for exactly this graph's node and edge counts. */
function decodeOverWeights(g: FlowGraph): MaxflowRun {
  const construction = maxflowProgram(g.nodes, g.edges.length);
  return solveMaxflow(g, { construction, predictor: compiledPredictor(construction.program).predictor });
}

/** Certified against push–relabel (the brute-force min cut is out of reach at these sizes), in the formula's steps. */
function checkLargeRun(g: FlowGraph, r: MaxflowRun): void {
  checkMaxflowRun(g, r, pushRelabelMaxflow(g));
  expect(r.decode.meters.steps, JSON.stringify(g)).toBe(predictedSteps(layeredEdmondsKarp(g)));
}

/**
 * Two chains from s = 0 to t = 59, x = 1 … 29 and y = 30 … 58, and a cross edge x₁ → y₂₉. The shortest
 * path takes the cross edge (3 edges); the second must cancel it: s, y₁ … y₂₉, back to x₁, x₂ … x₂₉, t,
 * 59 edges = n − 1, found by a search of 59 layers.
 */
const crossedLadder: FlowGraph = {
  nodes: 60,
  source: 0,
  target: 59,
  edges: [
    ...Array.from({ length: 29 }, (_, i) => [i, i + 1] as [number, number]),
    [29, 59],
    [0, 30],
    ...Array.from({ length: 28 }, (_, i) => [30 + i, 31 + i] as [number, number]),
    [58, 59],
    [1, 58],
  ],
};

describe("Edmonds–Karp as an AP-MDM on 30 … 60 nodes (compiled weights, every step a forward pass)", () => {
  test.prop([arbitraryFlowGraph(2, 12, 30)], { numRuns: 60 })("the push–relabel reference agrees with the brute-force min cut", (g) => {
    expect(pushRelabelMaxflow(g)).toBe(minCutReference(g));
  });

  it("cancels the cross edge of a 60-node ladder with an augmenting path of 59 edges", () => {
    const r = decodeOverWeights(crossedLadder);
    checkLargeRun(crossedLadder, r);
    expect(layeredEdmondsKarp(crossedLadder)).toEqual({ paths: [3, 59], lastLayers: 0 });
    expect({ value: r.value, cut: r.cut, flow: r.flow, steps: r.decode.meters.steps }).toEqual({
      value: 2,
      cut: [[0, 1], [0, 30]],
      flow: crossedLadder.edges.map(([u, v]) => (u === 1 && v === 58 ? 0 : 1)),
      steps: 3 * 3 + 3 + (3 * 59 + 3) + 3,
    });
  });

  it.each([
    [30, 90, 7], // paths of 3, 3, 6 edges, the third cancelling flow; the last search grows 7 layers
    [40, 200, 29], // six paths, one cancelling flow
    [60, 300, 3], // six paths, 903 prompt tokens
  ])("is exact on randomFlowGraph(%i, %i, %i)", (n, m, seed) => {
    const g = randomFlowGraph(n, m, seed);
    checkLargeRun(g, decodeOverWeights(g));
  });
});
