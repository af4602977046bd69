import { describe, expect, it } from "vitest";
import { proveThm2 } from "../../src/proofs/thm2.js";

describe("apmdm prove thm2", () => {
  it("the Theorem 1 model of insertion-sort at n = 1, the Dyck and parity models, generated programs: equal decodes, T ≤ c·S³ + c0", async () => {
    const r = await proveThm2({ runs: 1, seed: 5, maxN: 1, programs: ["insertion-sort"] });
    expect(r.counterexample).toBeNull();
    expect(r.passed).toBe(true);
    expect(r.programs).toEqual(["insertion-sort", "dyck (k = 2, length 6)", "parity (length ≤ 8)", "generated E-FASP programs"]);
    expect(r.runs).toBe(1 + 1 + 1 + 10);
    expect(r.checks.map((c) => [c.name, c.cases])).toEqual([
      ["PRAM(1) final canvas, end and passes = the model's own decode", 13],
      ["T ≤ the program's declared worst-case step bound", 13],
    ]);
    expect(r.bounds.map((b) => [b.constants[0].name, b.holds, b.points])).toEqual([
      ["c", true, 13],
      ["c", true, 13],
    ]);
  });
});
