import { describe, expect, it } from "vitest";
import { formatProofReport } from "../../src/proofs/formatProofReport.js";
import { maxflowSizes, proveMaxflow } from "../../src/proofs/maxflow.js";
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
});
