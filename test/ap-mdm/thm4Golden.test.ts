import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeApMdm } from "../../src/ap-mdm/decodeApMdm.js";
import { constructApMdm } from "../../src/ap-mdm/thm4/constructApMdm.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import type { Instruction } from "../../src/pram/instruction.js";
import type { ConflictMode } from "../../src/pram/conflictMode.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";

/** Decodes the construction's program with decodeApMdm, stopping at the first error token. */
function run(instance: PramInstance, input: readonly number[]) {
  const c = constructApMdm(instance);
  let error = null as string | null;
  const r = decodeApMdm(evaluatorPredictor(c.program), c.initial(input), {
    maxSteps: 200,
    onStep: (canvas) => {
      const token = Array.from(canvas, (t) => c.vocab.read(t)).find((t) => t.kind === "error");
      if (token?.kind !== "error") return;
      error = token.error;
      return "stop";
    },
  });
  if (error !== null) return { error, steps: r.meters.steps };
  return { output: Array.from(r.canvas, (t) => Number(c.vocab.names[t])), steps: r.meters.steps, peak: r.meters.peakContext, S: c.layout.S };
}

const reg = (index: number) => ({ kind: "reg", index }) as const;
const imm = (value: number) => ({ kind: "imm", value }) as const;
const pid = { kind: "pid" } as const;

function instance(code: Instruction[], o: Partial<PramInstance> = {}): PramInstance {
  return {
    name: "golden", n: 2, processors: 2, memory: 4, wordBits: 6, registers: 2, outputStart: 0, outputLength: 4, stepBound: 8,
    mode: "EREW" as ConflictMode, inputMin: 0, inputMax: 9, code, lines: code.map((_, k) => k + 1), ...o,
  };
}

describe("Theorem 4 construction on hand-built instances", () => {
  it("increments two cells in parallel: grow, init, T steps, finish, fixed point", () => {
    const inc = instance(
      [
        { op: "LOAD", dst: 0, base: pid, index: null, offset: 0 },
        { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: imm(3) },
        { op: "STORE", src: reg(0), base: pid, index: null, offset: 0 },
        { op: "HALT" },
      ],
      { memory: 2, outputLength: 2 },
    );
    const r = run(inc, [4, 7]);
    expect(r.output).toEqual([7, 10]);
    // S = 1 + 2·(2 + 1 + 2·3) = 19; grow ⌈log2(19 − 2)⌉ = 5, init 1, T = 4, finish 2, fixed point 1.
    expect(r.S).toBe(19);
    expect(r.peak).toBe(19);
    expect(r.steps).toBe(5 + 1 + 4 + 2 + 1);
  });

  test.prop([fc.integer({ min: 1, max: 7 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }))], { numRuns: 8 })(
    "steps = ⌈log2(S − n)⌉ + 1 + T + 3 and peak = S at every n (growth lands exactly on S)",
    (input) => {
      const n = input.length;
      const code: Instruction[] = [
        { op: "LOAD", dst: 0, base: pid, index: null, offset: 0 },
        { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: imm(3) },
        { op: "STORE", src: reg(0), base: pid, index: null, offset: n },
        { op: "HALT" },
      ];
      const r = run(instance(code, { n, processors: n, memory: 2 * n, outputStart: n, outputLength: n }), input);
      expect(r.output).toEqual(input.map((v) => v + 3));
      expect(r.S).toBe(1 + 2 * (2 * n + 1 + 3 * n));
      expect(r.peak).toBe(r.S);
      expect(r.steps).toBe(Math.ceil(Math.log2(r.S! - n)) + 1 + 4 + 3);
    },
  );

  it("reads see the memory as it was at the start of the step; the output region is any window", () => {
    // p0 stores 9 to cell 1 while p1 loads cell 1 (the old x1) and stores it to cell 2 + 1 = 3.
    const code: Instruction[] = [
      { op: "JNZ", cond: pid, target: { kind: "imm", value: 3 } },
      { op: "STORE", src: imm(9), base: imm(1), index: null, offset: 0 },
      { op: "HALT" },
      { op: "LOAD", dst: 1, base: imm(1), index: null, offset: 0 },
      { op: "STORE", src: reg(1), base: pid, index: null, offset: 2 },
      { op: "HALT" },
    ];
    expect(run(instance(code, { mode: "CREW", outputStart: 1, outputLength: 3 }), [5, 6]).output).toEqual([9, 0, 6]);
  });

  it("loops, jumps, every ALU op and both shifts", () => {
    // r0 ← x0; r1 ← 3; loop: r0 ← r0·2 − 1 three times; then cells ← r0 op x1 for a few ops.
    const code: Instruction[] = [
      { op: "LOAD", dst: 0, base: imm(0), index: null, offset: 0 },
      { op: "LI", dst: 1, value: 3 },
      { op: "SHIFT", shift: "SHL", dst: 0, src: reg(0), amount: { kind: "imm", value: 1 } },
      { op: "ALU", alu: "SUB", dst: 0, a: reg(0), b: imm(1) },
      { op: "ALU", alu: "SUB", dst: 1, a: reg(1), b: imm(1) },
      { op: "JNZ", cond: reg(1), target: { kind: "imm", value: 2 } },
      { op: "LOAD", dst: 1, base: imm(1), index: null, offset: 0 },
      { op: "ALU", alu: "MUL", dst: 1, a: reg(1), b: imm(-3) },
      { op: "STORE", src: reg(1), base: imm(0), index: null, offset: 0 },
      { op: "ALU", alu: "XOR", dst: 1, a: reg(0), b: imm(5) },
      { op: "STORE", src: reg(1), base: imm(1), index: null, offset: 0 },
      { op: "SHIFT", shift: "SHR", dst: 1, src: reg(0), amount: { kind: "imm", value: 2 } },
      { op: "ALU", alu: "LT", dst: 0, a: reg(0), b: imm(10) },
      { op: "ALU", alu: "MAX", dst: 1, a: reg(1), b: reg(0) },
      { op: "STORE", src: reg(1), base: imm(2), index: null, offset: 0 },
      { op: "STORE", src: reg(0), base: imm(3), index: null, offset: 0 },
      { op: "HALT" },
    ];
    // x0 = 2: r0 = 2 → 3 → 5 → 9; x1 = 4: −12; 9 ^ 5 = 12; 9 >> 2 = 2; 9 < 10 = 1; max(2, 1) = 2.
    const r = run(instance(code, { processors: 1, wordBits: 7, stepBound: 30 }), [2, 4]);
    expect(r.output).toEqual([-12, 12, 2, 1]);
  });

  it("a processor that halts early stays halted while the others run", () => {
    const code: Instruction[] = [
      { op: "JZ", cond: pid, target: { kind: "imm", value: 4 } },
      { op: "LI", dst: 0, value: 5 },
      { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: pid },
      { op: "STORE", src: reg(0), base: pid, index: null, offset: 0 },
      { op: "HALT" },
    ];
    expect(run(instance(code, { processors: 3, outputLength: 3 }), [1, 1]).output).toEqual([1, 6, 7]);
  });

  const errors: [string, Instruction[], Partial<PramInstance>, string][] = [
    ["overflow", [{ op: "LI", dst: 0, value: 7 }, { op: "ALU", alu: "ADD", dst: 0, a: reg(0), b: imm(1) }, { op: "HALT" }], { wordBits: 4 }, "overflow"],
    ["a LOAD outside memory", [{ op: "LOAD", dst: 0, base: pid, index: null, offset: 4 }, { op: "HALT" }], {}, "address"],
    ["a STORE below 0", [{ op: "STORE", src: imm(1), base: pid, index: null, offset: -1 }, { op: "HALT" }], {}, "address"],
    ["running off the end", [{ op: "LI", dst: 0, value: 1 }], {}, "fell-off"],
    ["the step bound", [{ op: "JMP", target: { kind: "imm", value: 0 } }], { stepBound: 3 }, "step-bound"],
    ["an EREW concurrent read", [{ op: "LOAD", dst: 0, base: imm(1), index: null, offset: 0 }, { op: "HALT" }], { mode: "EREW" }, "conflict"],
    ["a CREW concurrent write", [{ op: "STORE", src: imm(1), base: imm(1), index: null, offset: 0 }, { op: "HALT" }], { mode: "CREW" }, "conflict"],
    ["a CRCW-common disagreement", [{ op: "STORE", src: pid, base: imm(1), index: null, offset: 0 }, { op: "HALT" }], { mode: "CRCW-common" }, "conflict"],
  ];
  for (const [what, code, o, kind] of errors) {
    it(`reports ${what} as ERR:${kind}`, () => expect(run(instance(code, o), [3, 4]).error).toBe(kind));
  }

  it("allows what each mode allows: CREW reads, CRCW-common agreement, CRCW-priority (lowest pid wins)", () => {
    const load: Instruction[] = [{ op: "LOAD", dst: 0, base: imm(1), index: null, offset: 0 }, { op: "STORE", src: reg(0), base: pid, index: null, offset: 2 }, { op: "HALT" }];
    expect(run(instance(load, { mode: "CREW" }), [3, 4]).output).toEqual([3, 4, 4, 4]);
    const same: Instruction[] = [{ op: "STORE", src: imm(5), base: imm(1), index: null, offset: 0 }, { op: "HALT" }];
    expect(run(instance(same, { mode: "CRCW-common" }), [3, 4]).output).toEqual([3, 5, 0, 0]);
    const prio: Instruction[] = [{ op: "ALU", alu: "ADD", dst: 0, a: pid, b: imm(10) }, { op: "STORE", src: reg(0), base: imm(2), index: null, offset: 0 }, { op: "HALT" }];
    expect(run(instance(prio, { mode: "CRCW-priority", processors: 3 }), [3, 4]).output).toEqual([3, 4, 10, 0]);
  });
});
