import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MdmError } from "../../src/mdm/MdmError.js";
import { constructApMdm } from "../../src/ap-mdm/thm4/constructApMdm.js";
import { decodeThm4 } from "../../src/ap-mdm/thm4/decodeThm4.js";
import { compiledPredictor } from "../../src/mdm/compiledPredictor.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { decodeThm1 } from "../../src/mdm/thm1/decodeThm1.js";
import { PramError } from "../../src/pram/pramError.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";
import { runPram } from "../../src/pram/runPram.js";
import { arbitraryInstance } from "../pram/arbitraryInstance.js";

/** In-range inputs for a generated instance (input errors are the interpreter's business, tested there). */
const withInput = arbitraryInstance.chain((instance) =>
  fc.tuple(fc.constant(instance), fc.array(fc.integer({ min: instance.inputMin, max: instance.inputMax }), { minLength: instance.n, maxLength: instance.n })),
);

/**
 * What the decode must reproduce: the PRAM's output, or the kind of error it stops with. The construction
 * writes the error token where the PRAM fails, so the decode raises the same kind (fell-off-end is the
 * canvas's "fell-off").
 */
function expected(instance: PramInstance, input: readonly number[]): string {
  try {
    return runPram(instance, input).output.join(",");
  } catch (e) {
    if (e instanceof PramError) return `error ${e.detail.kind === "fell-off-end" ? "fell-off" : e.detail.kind}`;
    throw e;
  }
}

/** The decode alone (no interpreter run first), over compiled weights: its output, or the error token it stops at. */
function decoded(instance: PramInstance, input: readonly number[], model: "mdm" | "ap-mdm"): string {
  try {
    if (model === "ap-mdm") {
      const c = constructApMdm(instance);
      return decodeThm4(c, input, compiledPredictor(c.program).predictor).output.join(",");
    }
    const c = constructMdm(instance);
    return decodeThm1(c, input, "mdm", compiledPredictor(c.program(false)).predictor).output.join(",");
  } catch (e) {
    if (e instanceof MdmError) return `error ${e.kind}`;
    throw e;
  }
}

/**
 * Theorems 1 and 4 on generated programs (every instruction, every conflict mode, loops, every way to fail),
 * decoded over compiled weights: the same output as the interpreter, or the same kind of error.
 */
describe("generated PRAM programs, compiled and decoded", () => {
  test.prop([withInput], { numRuns: 200 })("MDM (Theorem 1): the interpreter's output, or its error", ([instance, input]) => {
    expect(decoded(instance, input, "mdm")).toBe(expected(instance, input));
  });
  test.prop([withInput], { numRuns: 200 })("AP-MDM (Theorem 4): the interpreter's output, or its error", ([instance, input]) => {
    expect(decoded(instance, input, "ap-mdm")).toBe(expected(instance, input));
  });
});
