import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { instantiate } from "../../src/pram/instantiate.js";
import { parseProgram } from "../../src/pram/parseProgram.js";
import { arbitraryInstance } from "../../src/pram/arbitraryInstance.js";
import { decodeOutcome, pramOutcome } from "../../src/proofs/simulationOutcome.js";

/** In-range inputs for a generated instance (input errors are the interpreter's business, tested there). */
const withInput = arbitraryInstance.chain((instance) =>
  fc.tuple(fc.constant(instance), fc.array(fc.integer({ min: instance.inputMin, max: instance.inputMax }), { minLength: instance.n, maxLength: instance.n })),
);

/**
 * Theorems 1 and 4 on generated programs (every instruction, every conflict mode, loops, every way to fail),
 * decoded over compiled weights: the same output as the interpreter, or the same kind of error.
 */
describe("generated PRAM programs, compiled and decoded", () => {
  test.prop([withInput], { numRuns: 200 })("MDM (Theorem 1): the interpreter's output, or its error", ([instance, input]) => {
    expect(decodeOutcome(instance, input, "mdm")).toBe(pramOutcome(instance, input));
  });
  test.prop([withInput], { numRuns: 200 })("AP-MDM (Theorem 4): the interpreter's output, or its error", ([instance, input]) => {
    expect(decodeOutcome(instance, input, "ap-mdm")).toBe(pramOutcome(instance, input));
  });

  it("a stored value whose bounds exclude 0 (the immediate −2^(w−1)): fell-off, not step-bound (a shrunk counterexample)", () => {
    // Theorem 4's write lookup gated an invalid key's value to 0 inside the value's own bounds, [−16, −1] here:
    // outside them the compiled gadgets computed garbage and the decode reported the wrong error.
    const text = [".name felloff", ".processors 1", ".memory 4", ".word 4", ".registers 2", ".input 0..0", ".output 0, 1", ".steps 10", ".mode CRCW-common", "        ADD r0, r0, -8", ""].join("\n");
    const instance = instantiate(parseProgram(text, "felloff.pram"), 2);
    expect(pramOutcome(instance, [0, 0])).toBe("error fell-off");
    for (const model of ["mdm", "ap-mdm"] as const) expect(decodeOutcome(instance, [0, 0], model)).toBe("error fell-off");
  });
});
