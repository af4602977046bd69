import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { maxflowProgram } from "../../../src/ap-mdm/maxflow/maxflowProgram.js";
import { randomFlowGraph } from "../../../src/ap-mdm/maxflow/randomFlowGraph.js";
import { solveMaxflow } from "../../../src/ap-mdm/maxflow/solveMaxflow.js";
import { compiledPredictor } from "../../../src/mdm/compiledPredictor.js";
import { arbitraryFlowGraph } from "./arbitraryFlowGraph.js";
import { checkMaxflowRun } from "./checkMaxflowRun.js";
import { layeredEdmondsKarp, predictedSteps } from "../../../src/ap-mdm/maxflow/layeredEdmondsKarp.js";

// One model for every graph of ≤ 12 nodes: the construction depends on the bounds, not on the graph.
const construction = maxflowProgram(12, 132);
const weights = compiledPredictor(construction.program).predictor;
const show = (canvas: Int32Array) => Array.from(canvas, (t) => construction.vocab.names[t]).join(" ");

describe("Edmonds–Karp as an AP-MDM (compiled weights, every step a forward pass)", () => {
  it("searches in layers, flips the path slot by slot, tallies it, and ends by deleting the cut and writing the value", () => {
    const g = { nodes: 4, source: 0, target: 3, edges: [[0, 1], [0, 2], [1, 3], [2, 3], [1, 2]] as [number, number][] };
    const r = solveMaxflow(g, { construction, predictor: weights, trace: true });
    expect(r.decode.trace!.canvases.map(show)).toEqual([
      "s0 t3 n0 n1 0 n0 n2 0 n1 n3 0 n2 n3 0 n1 n2 0 $", // the prompt
      "s0 t3 n0 n1 0 M n0 n2 0 M n1 n3 0 n2 n3 0 n1 n2 0 $", // BFS layer 1: 0→1 and 0→2 offer
      "s0 t3 n0 n1 0 ^0 n0 n2 0 ^0 n1 n3 0 n2 n3 0 n1 n2 0 $",
      "s0 t3 n0 n1 0 ^0 n0 n2 0 ^0 n1 n3 0 M n2 n3 0 n1 n2 0 $", // layer 2: 3 is offered by 1→3 first (2→3 loses)
      "s0 t3 n0 n1 0 ^0 n0 n2 0 ^0 n1 n3 0 ^1 n2 n3 0 n1 n2 0 $",
      "s0 t3 n0 n1 0 ^0 n0 n2 0 ^0 n1 n3 M ^1 n2 n3 0 n1 n2 0 $", // START: the edge reaching t remasks f
      "s0 t3 n0 n1 M ^0 n0 n2 0 ^0 n1 n3 1 ^1 n2 n3 0 n1 n2 0 $", // TRACE: flip, move to the parent's edge
      "s0 t3 n0 n1 1 ^0 n0 n2 0 ^0 n1 n3 1 ^1 n2 n3 0 n1 n2 0 $",
      "s0 t3 M n0 n1 1 M n0 n2 0 M n1 n3 1 M n2 n3 0 n1 n2 0 $", // CLEAR-1
      "s0 t3 + n0 n1 1 n0 n2 0 n1 n3 1 n2 n3 0 n1 n2 0 $", // CLEAR-2: one path tallied
      "s0 t3 + n0 n1 1 n0 n2 0 M n1 n3 1 n2 n3 0 n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 0 ^0 n1 n3 1 n2 n3 0 n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 0 ^0 n1 n3 1 n2 n3 0 M n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 0 ^0 n1 n3 1 n2 n3 0 ^2 n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 0 ^0 n1 n3 1 n2 n3 M ^2 n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 M ^0 n1 n3 1 n2 n3 1 ^2 n1 n2 0 $",
      "s0 t3 + n0 n1 1 n0 n2 1 ^0 n1 n3 1 n2 n3 1 ^2 n1 n2 0 $",
      "s0 t3 + M n0 n1 1 n0 n2 1 M n1 n3 1 n2 n3 1 M n1 n2 0 $",
      "s0 t3 + + n0 n1 1 n0 n2 1 n1 n3 1 n2 n3 1 n1 n2 0 $", // nothing leaves {0}: FINAL-1 next
      "s0 t3 + + M M M M M M n1 n3 1 n2 n3 1 n1 n2 0 $ M", // the cut 0→1, 0→2 remasks; $ inserts
      "s0 t3 + + n1 n3 1 n2 n3 1 n1 n2 0 $ =2", // FINAL-2
      "s0 t3 + + n1 n3 1 n2 n3 1 n1 n2 0 $ =2", // the fixed point
    ]);
    expect({ value: r.value, cut: r.cut, flow: r.flow }).toEqual({ value: 2, cut: [[0, 1], [0, 2]], flow: [1, 1, 1, 1, 0] });
    expect({ ...r.decode.meters, flops: 0, work: 0, fullPasses: 0 }).toEqual({ steps: 21, peakContext: 22, finalContext: 15, unmasked: 12, remasked: 15, inserted: 8, deleted: 11, flops: 0, work: 0, fullPasses: 0 });
  });

  test.prop([arbitraryFlowGraph(2, 12, 30)], { numRuns: 80 })(
    "is exact on generated graphs of 2 … 12 nodes (value = brute-force min cut, a valid flow, a separating cut), in the steps Edmonds–Karp's layers predict",
    (g) => {
      const r = solveMaxflow(g, { construction, predictor: weights });
      checkMaxflowRun(g, r);
      const ek = layeredEdmondsKarp(g);
      expect({ paths: r.value, steps: r.decode.meters.steps }).toEqual({ paths: ek.paths.length, steps: predictedSteps(ek) });
    },
  );

  it("is exact on denser random graphs (12 nodes, 20 … 40 edges)", () => {
    for (const [edges, seed] of [[20, 1], [30, 2], [40, 3]]) {
      const g = randomFlowGraph(12, edges, seed);
      const r = solveMaxflow(g, { construction, predictor: weights });
      checkMaxflowRun(g, r);
      expect(r.decode.meters.steps).toBe(predictedSteps(layeredEdmondsKarp(g)));
    }
  });

  test.prop([arbitraryFlowGraph(2, 6, 10)], { numRuns: 6 })("the weights decode exactly as the E-FASP evaluator: the same canvases and edits", (g) => {
    const a = solveMaxflow(g, { construction, trace: true });
    const b = solveMaxflow(g, { construction, predictor: weights, trace: true });
    expect(b.decode.trace!.canvases.map(show)).toEqual(a.decode.trace!.canvases.map(show));
    expect(b.decode.trace!.edits).toEqual(a.decode.trace!.edits);
  });
});
