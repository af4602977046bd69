import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProofReport } from "../../src/proofs/formatProofReport.js";
import { proveThm2 } from "../../src/proofs/thm2.js";
import { palette } from "../../src/repl/palette.js";

describe("apmdm prove thm2", () => {
  it("the Theorem 1 model of insertion-sort at n = 1, the Dyck and parity models, generated programs: equal decodes, T ≤ c·S³ + c0; the report docs/theorem2.md shows", async () => {
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
    const doc = readFileSync(new URL("../../docs/theorem2.md", import.meta.url), "utf8");
    const block = doc.split("<!-- thm2 prove example: checked by test/proofs/thm2.test.ts -->")[1].split("```")[1];
    expect(block).toBe(`console\n$ apmdm prove thm2 --runs 1 --seed 5 --max-n 1 --programs insertion-sort\n${formatProofReport(r, palette(false))}`);
  });
});
