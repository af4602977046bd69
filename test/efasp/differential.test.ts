import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/efasp/compile.js";
import { firstDisagreement } from "./agreement.js";
import { arbitraryProgram, arbitraryTokens, type GeneratedProgram } from "../../src/efasp/arbitraryProgram.js";

/**
 * The differential property of issue 3: generated E-FASP programs (every feature kind, op and head style,
 * depth and width varied) × generated token sequences of length 1..64 — the compiled forward pass equals
 * the evaluator exactly, feature by feature in the residual stream and in the predictions.
 */
describe("compiled weights = E-FASP evaluator on generated programs", () => {
  test.prop([arbitraryProgram, fc.array(arbitraryTokens, { minLength: 1, maxLength: 3 })], { numRuns: 1000 })(
    "feature by feature and in the predictions",
    (g, seqs) => {
      const compiled = compile(g.program);
      for (const seq of seqs) expect(firstDisagreement(g.program, tokensOf(g, seq), compiled)).toBeNull();
    },
  );

  it("shrinks a planted miscompilation to a small counterexample", () => {
    // Sabotage: every MLP hidden unit's bias off by 1/2. Any program with a non-linear op then disagrees
    // somewhere; the shrunk counterexample should be a handful of steps over a short sequence.
    const sabotaged = (g: GeneratedProgram, seq: number[]) => {
      const compiled = compile(g.program);
      for (const layer of compiled.model.weights.layers) for (let u = 0; u < layer.b1.length; u++) layer.b1[u] += 0.5;
      return firstDisagreement(g.program, tokensOf(g, seq), compiled) === null;
    };
    const out = fc.check(fc.property(arbitraryProgram, arbitraryTokens, sabotaged), { seed: 42, numRuns: 200 });
    expect(out.failed).toBe(true);
    const [g, seq] = out.counterexample!;
    expect(g.recipe.steps.length).toBeLessThanOrEqual(2);
    expect(seq.length).toBe(1);
  });
});

const tokensOf = (g: GeneratedProgram, seq: readonly number[]) => seq.map((t) => t % g.recipe.V);
