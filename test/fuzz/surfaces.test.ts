import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { commandLine, commandOutcome, expressionOutcome, expressionText, mutatedProgram, programOutcome, replLines, replOutput } from "./surfaces.js";

/**
 * The bounded fuzz suite (issue 10): a few thousand seeded cases in a few seconds, one property per
 * surface; `npm run fuzz` runs the same properties with many more cases. The model files' surfaces are
 * fuzzed in test/transformer/decodeModel.test.ts.
 */
/** `npm run fuzz` sets APMDM_FUZZ_SCALE (cases × scale) and may set APMDM_FUZZ_SEED. */
const scale = Number(process.env.APMDM_FUZZ_SCALE ?? 1);
const seed = Number(process.env.APMDM_FUZZ_SEED ?? 10);
const runs = (n: number) => ({ seed, numRuns: n * scale });

describe("fuzz: every surface gives a typed error or a correct result, never an internal error", () => {
  test.prop([expressionText, fc.integer({ min: 0, max: 1 << 20 })], runs(1000))("expression text", (text, n) => {
    expect(["number", "string"]).toContain(typeof expressionOutcome(text, n));
  });

  test.prop([mutatedProgram, fc.array(fc.integer({ min: -4, max: 9 }), { minLength: 1, maxLength: 4 })], runs(500))(".pram text mutated from the library", (text, input) => {
    expect(["ok", "user-error", "too-large"]).toContain(programOutcome(text, input));
  });

  test.prop([commandLine], runs(300))("command lines with hostile option values", async (argv) => {
    expect([0, 1, 2]).toContain(await commandOutcome(argv));
  });

  test.prop([replLines], runs(30))("REPL lines", async (lines) => {
    expect(await replOutput(lines)).not.toContain("internal error");
  });
});
