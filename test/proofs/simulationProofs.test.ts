import { describe, expect, it } from "vitest";
import { decodeBounds } from "../../src/mdm/decodeBounds.js";
import type { DecodeModel } from "../../src/mdm/mdmRun.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { proveThm1 } from "../../src/proofs/thm1.js";
import { proveThm3 } from "../../src/proofs/thm3.js";
import { proveThm4 } from "../../src/proofs/thm4.js";

/** The theorem checks themselves, on a few programs at small n (the CLI runs them wider: apmdm prove). */
describe("simulation theorem checks", () => {
  it("Theorem 1: every check passes, steps fit 1·T + 1, context fits 6·P·T + O(1)", async () => {
    const r = await proveThm1({ runs: 2, seed: 1, maxN: 3, programs: ["sum", "broadcast"] });
    expect(r.counterexample).toBeNull();
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ["mdm output = PRAM output", true],
      ["masked-arm output = PRAM output", true],
      ["arm output = PRAM output", true],
      ["steps ≤ T + 1", true],
      ["context = 1 + n + 6·P(n)·T(n) + |output|", true],
      ["depth constant in n", true],
      ["mdm on generated programs: the interpreter's output, or its error", true],
    ]);
    expect(r.passed).toBe(true);
    expect(r.sizes).toEqual([1, 2, 3]);
    const [steps, context] = r.bounds;
    expect(steps.constants.map((c) => c.exact)).toEqual(["1", "1"]);
    expect(context.constants[0].value).toBeGreaterThan(6);
    expect(context.constants[0].value).toBeLessThan(6.2);
    // integer scores and logits: every gap between distinct values is at least 1, and the code logits'
    // margin is exactly 1 (2sv − v² at v = s ± 1)
    expect(r.margins.map((m) => m.value)).toEqual([r.margins[0].value, 1]);
    expect(r.margins[0].value).toBeGreaterThanOrEqual(1);
    expect(r.margins[0].where).toMatch(/^(sum|broadcast) n=\d+ (mdm|masked-arm|arm) input [\d,]* step \d+$/);
  });

  it("skips and lists each decode whose steps × context (decodeBounds) passes maxCost, and only those", async () => {
    const sum = loadProgram("sum");
    const cost = (n: number, model: DecodeModel) => {
      const b = decodeBounds(instantiate(sum, n), model);
      return b.steps * b.context;
    };
    const maxCost = cost(2, "mdm");
    const r = await proveThm1({ runs: 1, seed: 1, maxN: 3, programs: ["sum"], maxCost });
    expect(r.passed).toBe(true);
    const planned = [1, 2, 3].flatMap((n) => (n === 2 ? (["mdm", "masked-arm", "arm"] as const) : (["mdm"] as const)).map((model) => ({ program: "sum", n, model, cost: cost(n, model) })));
    expect(r.skipped).toEqual(planned.filter((d) => d.cost > maxCost));
    expect(r.skipped!.map((d) => `${d.n} ${d.model}`)).toEqual(["2 masked-arm", "2 arm", "3 mdm"]);
    expect(r.sizes).toEqual([1, 2]);
    expect(r.checks.map((c) => c.name)).not.toContain("arm output = PRAM output");
  });

  it("Theorem 3: the Masked-ARM replays each unmasking order with a constant number of extra layers", async () => {
    const r = await proveThm3({ runs: 1, seed: 2, maxN: 1, programs: ["insertion-sort", "broadcast", "sum"] });
    expect(r.passed).toBe(true);
    expect(r.programs).toEqual(["sum", "broadcast", "insertion-sort"]);
    expect(r.checks.every((c) => c.passed && c.cases > 0)).toBe(true);
    expect(r.checks.some((c) => /^extra layers constant \(\d+\)$/.test(c.name))).toBe(true);
  });

  it("Theorem 4: peak context is exactly 2·S(n) + 3 and steps T + ⌈log2(S − n)⌉ + 4", async () => {
    const r = await proveThm4({ runs: 2, seed: 3, maxN: 4, programs: ["prefix-sums", "list-ranking", "max"] });
    expect(r.passed).toBe(true);
    expect(r.counterexample).toBeNull();
    expect(r.bounds[1].constants.map((c) => c.exact)).toEqual(["2", "3"]);
    expect(r.bounds[1].worstSlack).toBe(0);
    expect(r.checks.find((c) => c.name.startsWith("ap-mdm on generated programs"))).toEqual({ name: "ap-mdm on generated programs: the interpreter's output, or its error", passed: true, cases: 20 });
    expect(r.margins).toHaveLength(2);
    expect(r.margins.every((m) => m.value >= 1)).toBe(true);
  });
});
