import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { MdmError } from "../../src/mdm/MdmError.js";
import type { Thm1Model } from "../../src/mdm/mdmRun.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { decodeThm1 } from "../../src/mdm/thm1/decodeThm1.js";
import { CONFLICT_MODES, type ConflictMode } from "../../src/pram/conflictMode.js";
import type { Instruction } from "../../src/pram/instruction.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { PramError } from "../../src/pram/pramError.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";
import { runPram } from "../../src/pram/runPram.js";

/** Theorem 1 on the E-FASP evaluator (the reference the compiled weights are compared with elsewhere). */
const reg = (index: number) => ({ kind: "reg", index }) as const;
const imm = (value: number) => ({ kind: "imm", value }) as const;
const pid = { kind: "pid" } as const;

function instance(code: Instruction[], over: Partial<PramInstance> = {}): PramInstance {
  return { name: "t", n: 2, processors: 2, memory: 2, wordBits: 6, registers: 2, outputStart: 0, outputLength: 2, stepBound: 5, mode: "EREW", inputMin: 0, inputMax: 9, code, lines: code.map((_, k) => k + 1), ...over };
}

function decode(inst: PramInstance, input: readonly number[], model: Thm1Model = "mdm") {
  const c = constructMdm(inst);
  return decodeThm1(c, input, model, evaluatorPredictor(c.program(model === "arm")));
}

/** The outcome of a run, PRAM or decode: the output, or the error kind ("fell-off-end" is the MDM's "fell-off"). */
function outcome(run: () => number[]): string {
  try {
    return run().join(",");
  } catch (e) {
    if (e instanceof PramError) return `error ${e.detail.kind === "fell-off-end" ? "fell-off" : e.detail.kind}`;
    if (e instanceof MdmError) return `error ${e.kind}`;
    throw e;
  }
}

const increment = instance([
  { op: "LOAD", dst: 0, base: pid, index: null, offset: 0 },
  { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: imm(3) },
  { op: "STORE", src: reg(0), base: pid, index: null, offset: 0 },
  { op: "HALT" },
]);

describe("Theorem 1 canvas, decoded on the evaluator", () => {
  it("parallel increment: the output in T + 1 steps, the first T filling one block each", () => {
    const { result, output } = decode(increment, [4, 7]);
    expect(output).toEqual([7, 10]);
    expect(runPram(increment, [4, 7]).meters.T).toBe(4);
    expect(result.steps).toBe(5);
    const block = 2 * 2 * 3;
    expect(result.unmaskedPerStep).toEqual([block, block, block, block, block + 2]);
  });

  it.each(["masked-arm", "arm"] as const)("%s: the same output, one token per step", (model) => {
    const { result, output } = decode(increment, [4, 7], model);
    expect(output).toEqual([7, 10]);
    expect(result.steps).toBe(constructMdm(increment).layout.length - 3);
  });

  /** Three processors read x[readBase] and write pid + x to cell `base`: each mode allows a different part. */
  it.each(CONFLICT_MODES)("%s: the decode fails exactly where the PRAM does, else agrees", (mode: ConflictMode) => {
    for (const [readBase, base] of [[1, 3], [1, 1], [0, 2]] as const) {
      const inst = instance(
        [
          { op: "LOAD", dst: 0, base: imm(readBase), index: null, offset: 0 },
          { op: "ALU", alu: "MUL", dst: 0, a: reg(0), b: imm(0) },
          { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: pid },
          { op: "STORE", src: reg(0), base: imm(base), index: null, offset: 0 },
          { op: "HALT" },
        ],
        { processors: 3, memory: 4, outputLength: 4, stepBound: 6, mode },
      );
      expect(outcome(() => decode(inst, [4, 7]).output)).toBe(outcome(() => runPram(inst, [4, 7]).output));
    }
  });

  test.prop([fc.integer({ min: -8, max: 7 }), fc.integer({ min: -8, max: 7 }), fc.constantFrom(...(["ADD", "SUB", "MUL", "MIN", "MAX", "AND", "OR", "XOR", "LT", "LE", "EQ", "NE"] as const))], { numRuns: 25 })(
    "every ALU op on any two words, overflow included",
    (a, b, alu) => {
      const inst = instance(
        [
          { op: "LOAD", dst: 0, base: imm(0), index: null, offset: 0 },
          { op: "LOAD", dst: 1, base: imm(1), index: null, offset: 0 },
          { op: "ALU", alu, dst: 0, a: reg(0), b: reg(1) },
          { op: "STORE", src: reg(0), base: pid, index: null, offset: 0 },
          { op: "HALT" },
        ],
        { processors: 1, wordBits: 4, inputMin: -8, inputMax: 7, mode: "CREW" },
      );
      expect(outcome(() => decode(inst, [a, b]).output)).toBe(outcome(() => runPram(inst, [a, b]).output));
    },
  );

  // The evaluator recomputes every feature at every position each step; connected components (a 471-position
  // canvas decoded in 79 steps even at n = 1) runs over the compiled weights in simulateWeights.test.ts instead.
  const cheap = library.filter((e) => constructMdm(instantiate(loadProgram(e.name), e.testSizes[0])).layout.length <= 300);
  it.each(cheap.map((e) => [e.name, e.testSizes[0]] as const))("%s at n = %i: the PRAM's output in at most T + 1 steps", (name, n) => {
    const entry = library.find((e) => e.name === name)!;
    const inst = instantiate(loadProgram(name), n);
    const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 7 })[0];
    const pram = runPram(inst, input);
    const { result, output } = decode(inst, input);
    expect(output).toEqual(pram.output);
    expect(result.steps).toBeLessThanOrEqual(pram.meters.T + 1);
  });
});
