import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
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
});
