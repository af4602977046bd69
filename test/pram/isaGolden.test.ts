import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import type { PramExpect } from "../../src/pram/pramProgram.js";
import { decodeOutcome, pramOutcome } from "../../src/proofs/simulationOutcome.js";
import { runPram } from "../../src/pram/runPram.js";
import { naiveRun } from "./naiveInterpreter.js";

/**
 * Golden programs for the instructions and operand forms added to the ISA (test/pram/isa/*.pram: DIV/MOD
 * signs and zero divisors, shifts by registers and expressions at the edges, two-operand addresses,
 * GT GE NEG NOT SEL, register-held jump targets and @label values, hex/binary literals, brace-less
 * expressions). Every `# expect:` line holds for the interpreter and the naive interpreter, and — the
 * same output or the same error kind — for the Theorem 1 MDM and the Theorem 4 AP-MDM decoded over their
 * compiled weights when n ≤ 4 (a compile per line: larger ones would cost seconds each; generated
 * programs cover the constructions more widely).
 */
const DIR = new URL("./isa/", import.meta.url).pathname;
const files = readdirSync(DIR).filter((f) => f.endsWith(".pram")).sort();

/** An expectation as the outcome string of src/proofs/simulationOutcome.ts. */
const expected = (e: PramExpect) => (e.result.kind === "error" ? `error ${e.result.error === "fell-off-end" ? "fell-off" : e.result.error}` : e.result.output.join(","));

describe.each(files)("%s", (file) => {
  const program = loadProgram(DIR + file);
  it("has golden examples", () => expect(program.expects.length).toBeGreaterThan(1));
  it.each(program.expects.map((e) => [e.line, e] as const))("line %i: interpreter, naive interpreter, MDM and AP-MDM", (_, e) => {
    const instance = instantiate(program, e.input.length);
    expect(pramOutcome(instance, e.input)).toBe(expected(e));
    const naive = naiveRun(instance, e.input);
    expect(naive.kind === "ok" ? naive.output.join(",") : `error ${naive.error.kind === "fell-off-end" ? "fell-off" : naive.error.kind}`).toBe(expected(e));
    if (e.result.kind === "output") {
      const { meters } = runPram(instance, e.input);
      for (const [meter, value] of Object.entries(e.result.meters)) expect({ meter, value: meters[meter as keyof typeof meters] }).toEqual({ meter, value });
    }
    if (e.input.length > 4) return;
    expect(decodeOutcome(instance, e.input, "mdm")).toBe(expected(e));
    expect(decodeOutcome(instance, e.input, "ap-mdm")).toBe(expected(e));
  });
});
