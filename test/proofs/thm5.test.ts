import { describe, expect, it } from "vitest";
import { formatProofReport } from "../../src/proofs/formatProofReport.js";
import { proveThm5 } from "../../src/proofs/thm5.js";
import { palette } from "../../src/repl/palette.js";

describe("prove thm5", () => {
  it("passes over compiled weights, with exact step and peak constants, the word counts of every exhaustive case, and margins of 1", async () => {
    const r = await proveThm5({ runs: 4, seed: 3, maxN: 6 });
    expect(r.passed).toBe(true);
    expect(r.counterexample).toBeNull();
    expect(r.sizes).toEqual([0, 2, 4, 6]);
    expect(r.runs).toBe(3 * 4 * 4);
    expect(r.checks.map((c) => [c.name.replace(/ \(\d+ reached.*$/, ""), c.passed, c.cases])).toEqual([
      ["every sample is two-sided Dyck-k of the target length", true, 48],
      ["steps = 4m + 3 and peak context = 2m + 2 (length 2m)", true, 48],
      ["compiled weights decode = E-FASP evaluator decode (canvases, edits, meters)", true, 48],
      ["k=1, length 0: every choice of ties reaches exactly the 1 two-sided Dyck words", true, 1],
      ["k=1, length 2: every choice of ties reaches exactly the 2 two-sided Dyck words", true, 2],
      ["k=1, length 4: every choice of ties reaches exactly the 6 two-sided Dyck words", true, 6],
      ["k=1, length 6: every choice of ties reaches exactly the 20 two-sided Dyck words", true, 20],
      ["k=2, length 0: every choice of ties reaches exactly the 1 two-sided Dyck words", true, 1],
      ["k=2, length 2: every choice of ties reaches exactly the 4 two-sided Dyck words", true, 4],
      ["k=2, length 4: every choice of ties reaches exactly the 28 two-sided Dyck words", true, 28],
      ["k=2, length 6: every choice of ties reaches exactly the 232 two-sided Dyck words", true, 232],
      ["k=3, length 0: every choice of ties reaches exactly the 1 two-sided Dyck words", true, 1],
      ["k=3, length 2: every choice of ties reaches exactly the 6 two-sided Dyck words", true, 6],
      ["k=3, length 4: every choice of ties reaches exactly the 66 two-sided Dyck words", true, 66],
    ]);
    const [steps, peak] = r.bounds;
    expect(steps.constants.map((c) => c.exact)).toEqual(["2", "3"]);
    expect(peak.constants.map((c) => c.exact)).toEqual(["1", "2"]);
    expect([steps.worstSlack, peak.worstSlack]).toEqual([0, 0]);
    expect(r.margins.map((m) => [m.name, m.value])).toEqual([
      ["attention score gap (best − next best key)", 1],
      ["token logit gap (tied maxima − next best token)", 1],
    ]);
    expect(formatProofReport(r, palette(false))).toContain("Theorem 5: a stochastic AP-MDM generates exactly the two-sided Dyck-k words");
  });
});
