import { describe, expect, it } from "vitest";
import { formatProofReport } from "../../src/proofs/formatProofReport.js";
import { EXPERIMENTS } from "../../src/proofs/experiments.js";
import { maxflowSizes, proveMaxflow } from "../../src/proofs/maxflow.js";
import { maxflowExperiment } from "../../src/proofs/maxflowExperiment.js";
import { palette } from "../../src/repl/palette.js";

describe("prove maxflow", () => {
  it("passes over compiled weights: every decode certified, the step formula exact, the context bound held, the evaluator agreeing", async () => {
    const r = await proveMaxflow({ runs: 3, seed: 5, maxN: 4 });
    expect(r.passed).toBe(true);
    expect(r.counterexample).toBeNull();
    expect(r.sizes).toEqual([4]);
    expect(r.checks.map((c) => [c.passed, c.cases])).toEqual([[true, 3], [true, 3], [true, 3], [true, 3]]);
    expect(r.bounds.map((b) => [b.holds, b.worstSlack])).toEqual([[true, 0], [true, 0]]);
    expect(r.margins.map((m) => m.value)).toEqual([1, 1]);
    expect(formatProofReport(r, palette(false))).toContain("Max-flow (Edmonds–Karp AP-MDM): an AP-MDM runs Edmonds–Karp exactly");
  });

  it("sweeps 4 … 10 nodes, then 20 … 60 in tens", () => {
    expect(maxflowSizes(10)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(maxflowSizes(60)).toEqual([4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60]);
    expect(maxflowSizes(3)).toEqual([3]);
    expect(maxflowSizes(1)).toEqual([2]);
  });

  it("runs inside `prove experiments` beside Sudoku, its checks, fits and margins named maxflow", async () => {
    expect(EXPERIMENTS).toContain(maxflowExperiment);
    const r = await maxflowExperiment({ runs: 2, seed: 5, maxN: 100 }, 4);
    expect(r.programs).toEqual(["maxflow: 2 random graphs per node count 4 (seed 5)"]);
    expect(r.runs).toBe(2);
    expect(r.checks.map((c) => [c.name.slice(0, 9), c.passed, c.cases])).toEqual(Array(4).fill(["maxflow: ", true, 2]));
    expect(r.bounds.map((b) => [b.statement.slice(0, 9), b.holds])).toEqual([["maxflow: ", true], ["maxflow: ", true]]);
    expect(r.margins.map((m) => [m.name.slice(0, 9), m.value])).toEqual([["maxflow: ", 1], ["maxflow: ", 1]]);
    expect(r.counterexample).toBeNull();
  });
});
