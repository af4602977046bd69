import fc from "fast-check";
import { CONFLICT_MODES } from "./conflictMode.js";
import { ALU_OPS, type Instruction, SHIFT_OPS, type Source, UNARY_OPS } from "./instruction.js";
import type { PramInstance } from "./pramInstance.js";

/**
 * Random valid PRAM instances, small enough to run thousands: 1–4 processors, 1–4 inputs, a few spare
 * cells, 4–8-bit words, 1–3 registers, 1–8 instructions of every kind and operand form (two-operand
 * addresses, shifts and jumps by register, SEL; jumps may loop), any conflict mode and step bound. Valid
 * means what the parser and instantiate guarantee (registers, immediates and immediate shift amounts in
 * range); a run may still fail in every way a program can: overflow, addresses, division by zero, shift
 * amounts, jump targets, conflicts, the step bound, falling off the end.
 */
export const arbitraryInstance: fc.Arbitrary<PramInstance> = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    processors: fc.integer({ min: 1, max: 4 }),
    spare: fc.integer({ min: 0, max: 4 }),
    wordBits: fc.integer({ min: 4, max: 8 }), // 4 bits hold n and P up to 4, as instantiate requires
    registers: fc.integer({ min: 1, max: 3 }),
    length: fc.integer({ min: 1, max: 8 }),
    stepBound: fc.integer({ min: 1, max: 12 }),
    mode: fc.constantFrom(...CONFLICT_MODES),
  })
  .chain((shape) => {
    const max = 2 ** (shape.wordBits - 1) - 1;
    const reg = fc.integer({ min: 0, max: shape.registers - 1 });
    const imm = fc.integer({ min: -max - 1, max });
    const source: fc.Arbitrary<Source> = fc.oneof(
      { weight: 4, arbitrary: reg.map((index) => ({ kind: "reg", index }) as const) },
      { weight: 2, arbitrary: fc.constant({ kind: "pid" } as const) },
      fc.constant({ kind: "n" } as const),
      fc.constant({ kind: "np" } as const),
      { weight: 2, arbitrary: imm.map((value) => ({ kind: "imm", value }) as const) },
    );
    const offset = fc.integer({ min: -2, max: shape.n + shape.spare + 1 });
    // Mostly a label's index; sometimes one just outside the code, or a register-held target.
    const target: fc.Arbitrary<Source> = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: shape.length - 1 }).map((value) => ({ kind: "imm", value }) as const) },
      fc.constantFrom(-1, shape.length).map((value) => ({ kind: "imm", value }) as const),
      { weight: 2, arbitrary: source },
    );
    const amount: fc.Arbitrary<Source> = fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: 0, max: shape.wordBits - 1 }).map((value) => ({ kind: "imm", value }) as const) },
      source,
    );
    const index = fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, source);
    const instruction: fc.Arbitrary<Instruction> = fc.oneof(
      fc.record({ op: fc.constant("LOAD" as const), dst: reg, base: source, index, offset }),
      fc.record({ op: fc.constant("STORE" as const), src: source, base: source, index, offset }),
      fc.record({ op: fc.constant("LI" as const), dst: reg, value: imm }),
      fc.record({ op: fc.constant("MOV" as const), dst: reg, src: source }),
      { weight: 3, arbitrary: fc.record({ op: fc.constant("ALU" as const), alu: fc.constantFrom(...ALU_OPS), dst: reg, a: source, b: source }) },
      fc.record({ op: fc.constant("UNARY" as const), unary: fc.constantFrom(...UNARY_OPS), dst: reg, src: source }),
      fc.record({ op: fc.constant("SHIFT" as const), shift: fc.constantFrom(...SHIFT_OPS), dst: reg, src: source, amount }),
      fc.record({ op: fc.constant("SEL" as const), dst: reg, cond: source, a: source, b: source }),
      fc.record({ op: fc.constant("JMP" as const), target }),
      fc.record({ op: fc.constantFrom("JZ" as const, "JNZ" as const), cond: source, target }),
      { weight: 2, arbitrary: fc.constant({ op: "HALT" } as const) },
    );
    const memory = shape.n + shape.spare;
    return fc
      .record({
        // Mostly ending in HALT, so that more runs get past their first steps.
        code: fc
          .tuple(fc.array(instruction, { minLength: shape.length - 1, maxLength: shape.length - 1 }), fc.oneof({ weight: 3, arbitrary: fc.constant({ op: "HALT" } as const) }, instruction))
          .map(([body, last]): Instruction[] => [...body, last]),
        outputStart: fc.integer({ min: 0, max: memory - 1 }),
        inputMin: fc.integer({ min: -max - 1, max: 0 }),
        inputMax: fc.integer({ min: 0, max }),
      })
      .chain(({ code, outputStart, inputMin, inputMax }) =>
        fc.integer({ min: 1, max: memory - outputStart }).map(
          (outputLength): PramInstance => ({
            name: "random",
            n: shape.n,
            processors: shape.processors,
            memory,
            wordBits: shape.wordBits,
            registers: shape.registers,
            outputStart,
            outputLength,
            stepBound: shape.stepBound,
            mode: shape.mode,
            inputMin,
            inputMax,
            code,
            lines: code.map(() => 0),
          }),
        ),
      );
  });

/** Inputs for an instance: mostly in its range, sometimes with values just outside it (an input error). */
export const arbitraryInput = (instance: PramInstance): fc.Arbitrary<number[]> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.array(fc.integer({ min: instance.inputMin, max: instance.inputMax }), { minLength: instance.n, maxLength: instance.n }) },
    fc.array(fc.integer({ min: instance.inputMin - 1, max: instance.inputMax + 1 }), { minLength: instance.n, maxLength: instance.n }),
  );
