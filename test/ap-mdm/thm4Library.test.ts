import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constructApMdm } from "../../src/ap-mdm/thm4/constructApMdm.js";
import { decodeThm4 } from "../../src/ap-mdm/thm4/decodeThm4.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { runPram } from "../../src/pram/runPram.js";

/** Theorem 4 on every library program (evaluator backend): the PRAM's output, O(T) steps, peak context S. */
describe("Theorem 4 on the program library", () => {
  // At each program's smallest size here (the evaluator is slow); simulateWeights.test.ts decodes every
  // program at a multi-processor size over the compiled weights.
  it.each(library.map((e) => [e.name, e.testSizes[0]] as const))("%s at n = %i", (name, n) => {
    const entry = library.find((e) => e.name === name)!;
    const instance = instantiate(loadProgram(name), n);
    const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 11 })[0];
    const pram = runPram(instance, input);
    const c = constructApMdm(instance);
    const { result, output } = decodeThm4(c, input, evaluatorPredictor(c.program));
    expect(output).toEqual(pram.output);
    expect(result.meters.peakContext).toBe(c.layout.S);
    expect(c.layout.S).toBe(1 + 2 * (instance.memory + 1 + instance.processors * (instance.registers + 1)));
    expect(result.meters.steps).toBe(Math.ceil(Math.log2(c.layout.S - n)) + 1 + pram.meters.T + 3);
  });
});
