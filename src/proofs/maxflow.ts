import fc from "fast-check";
import { certifyMaxflow } from "../ap-mdm/maxflow/certifyMaxflow.js";
import { depthFirstMaxflow } from "../ap-mdm/maxflow/depthFirstMaxflow.js";
import { layeredEdmondsKarp, predictedSteps } from "../ap-mdm/maxflow/layeredEdmondsKarp.js";
import { maxflowProgram } from "../ap-mdm/maxflow/maxflowProgram.js";
import { randomFlowGraph } from "../ap-mdm/maxflow/randomFlowGraph.js";
import { solveMaxflow } from "../ap-mdm/maxflow/solveMaxflow.js";
import { compile } from "../efasp/compile.js";
import { evaluatorPredictor } from "../mdm/evaluatorPredictor.js";
import { observedPredictor } from "../mdm/observedPredictor.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { fitBound } from "./fitBound.js";
import { CheckFailure } from "./CheckFailure.js";
import type { Counterexample, ProofCheck, ProofReport, ProofSettings } from "./proofReport.js";
import { worstMargins } from "./worstMargins.js";

const EXACT = "value = depth-first Ford–Fulkerson's; a 0/1 flow, conserved, of that value; the deleted edges a separating saturated cut of that size";
const STEPS = "steps = Σ(3dᵢ + 3) + 2D + 3, dᵢ the augmenting paths of a plain layered Edmonds–Karp, D its last search's layers";
const CONTEXT = "peak context ≤ 3m + 2n + 3";
const SAME = "compiled weights decode = E-FASP evaluator decode, canvas by canvas (n ≤ 6)";

interface Point {
  readonly nodes: number;
  readonly edges: number;
  readonly steps: number;
  readonly peak: number;
}

/**
 * The max-flow AP-MDM (src/ap-mdm/maxflow, docs/maxflow.md) compiled to weights, on `runs` random graphs
 * per node count n = 4 … min(maxN, 10), and n = 20, 30, … ≤ maxN beyond: fast-check draws the edge count
 * (n … 3n, capped at n(n − 1)) and the graph's seed from `seed`, and shrinks a failure. Every decode is
 * certified against a depth-first Ford–Fulkerson, its step count must be the formula's exactly, and its
 * peak context within the bound; for n ≤ 6 the E-FASP evaluator must decode it identically. Fitted: steps
 * and peak context against n. Margins: every forward pass of the first graph at each n.
 */
export async function proveMaxflow(settings: ProofSettings): Promise<ProofReport> {
  const tally = new Map([EXACT, STEPS, CONTEXT, SAME].map((name) => [name, { passed: true, cases: 0 }]));
  const points: Point[] = [];
  const margins = worstMargins();
  let counterexample: Counterexample | null = null;
  const sizes = maxflowSizes(settings.maxN);
  for (const n of sizes) {
    const c = maxflowProgram(n, n * (n - 1));
    const { model } = compile(c.program);
    // Margins: read from the predictions of the first graph's decode (the figures of each full pass).
    let watched: string | null = null;
    let step = 0;
    const weights = observedPredictor(weightsPredictor(model, settings.engine), (p) => {
      if (watched !== null) margins.seePrediction(p, `${watched} step ${++step}`);
    });
    const reference = evaluatorPredictor(c.program);
    const graph = fc.tuple(fc.integer({ min: n, max: Math.min(3 * n, n * (n - 1)) }), fc.nat());
    let first = true;
    const result = fc.check(
      fc.property(graph, ([edges, seed]) => {
        const g = randomFlowGraph(n, edges, seed);
        watched = first ? `n=${n} --random ${n},${edges},${seed}` : null;
        const r = solveMaxflow(g, { construction: c, predictor: weights, trace: n <= 6 });
        watched = null;
        first = false;
        const m = r.decode.meters;
        points.push({ nodes: n, edges, steps: m.steps, peak: m.peakContext });
        const claim = (name: string, failure: string | null) => {
          tally.get(name)!.cases += 1;
          if (failure !== null) {
            tally.get(name)!.passed = false;
            throw new CheckFailure(name, failure);
          }
        };
        claim(EXACT, certifyMaxflow(g, r, depthFirstMaxflow(g))[0] ?? null);
        const predicted = predictedSteps(layeredEdmondsKarp(g));
        claim(STEPS, m.steps === predicted ? null : `${m.steps} steps, the formula says ${predicted}`);
        const bound = 3 * edges + 2 * n + 3;
        claim(CONTEXT, m.peakContext <= bound ? null : `peak context ${m.peakContext} > ${bound}`);
        if (n <= 6) {
          const e = solveMaxflow(g, { construction: c, predictor: reference, trace: true });
          const same = JSON.stringify(e.decode.trace!.canvases.map((x) => Array.from(x))) === JSON.stringify(r.decode.trace!.canvases.map((x) => Array.from(x)));
          claim(SAME, same ? null : `the evaluator decodes to ${e.value} in ${e.decode.meters.steps} steps, the weights to ${r.value} in ${m.steps}`);
        }
      }),
      { numRuns: settings.runs, seed: settings.seed },
    );
    if (result.failed && counterexample === null) {
      const error = result.errorInstance;
      const [edges, seed] = result.counterexample?.[0] ?? [-1, -1];
      counterexample = {
        check: error instanceof CheckFailure ? error.check : EXACT,
        program: "maxflow",
        n,
        input: [edges, seed],
        message: error instanceof Error ? error.message : String(error),
        shrinks: result.numShrinks,
        replay: `apmdm maxflow --random ${n},${edges},${seed}`,
      };
    }
  }
  const checks: ProofCheck[] = [...tally].map(([name, c]) => ({ name, ...c }));
  const bounds = [
    fitBound("steps ≤ c1·n + c0", ["c1", "c0"], points.map((p) => ({ x: p.nodes, y: p.steps }))),
    fitBound("peak context ≤ c2·m + c3", ["c2", "c3"], points.map((p) => ({ x: p.edges, y: p.peak }))),
  ];
  return {
    theorem: "maxflow",
    statement: "an AP-MDM runs Edmonds–Karp exactly: the max flow and its min cut by insert, delete and remask, one BFS layer per two steps",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks,
    programs: ["maxflow"],
    sizes,
    runs: points.length,
    bounds,
    margins: margins.margins(),
    counterexample,
  };
}

/** 4 (or maxN when smaller, at least 2) … min(maxN, 10), then 20, 30, … ≤ maxN (at most 64, the construction's limit). */
export function maxflowSizes(maxN: number): number[] {
  const sizes: number[] = [];
  for (let n = Math.max(2, Math.min(4, maxN)); n <= Math.max(2, Math.min(maxN, 10)); n++) sizes.push(n);
  for (let n = 20; n <= Math.min(maxN, 64); n += 10) sizes.push(n);
  return sizes;
}
