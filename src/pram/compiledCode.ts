import type { Instruction, Source } from "./instruction.js";
import type { PramInstance } from "./pramInstance.js";

/** Opcodes of the interpreter's flat code: one per instruction, ALU, unary and shift operations included. */
export const OP = {
  LOAD: 0, STORE: 1, LI: 2, MOV: 3, JMP: 4, JZ: 5, JNZ: 6, HALT: 7, SHL: 8, SHR: 9,
  ADD: 10, SUB: 11, MUL: 12, MIN: 13, MAX: 14, AND: 15, OR: 16, XOR: 17, LT: 18, LE: 19, EQ: 20, NE: 21,
  DIV: 22, MOD: 23, GT: 24, GE: 25, NEG: 26, NOT: 27, SEL: 28,
} as const;

/** Each opcode's mnemonic, for messages. */
export const OP_NAME: readonly string[] = Object.entries(OP)
  .sort(([, x], [, y]) => x - y)
  .map(([name]) => name);

/** Operand kinds: a register of the processor, its pid, or a constant (n, P and immediates are folded). */
export const REG = 0;
export const PID = 1;
export const CONST = 2;

/**
 * An instance's code as parallel typed arrays, so the interpreter's hot loop reads numbers, not objects.
 * Per instruction k: op[k]; operands a, b, c as (kind, value); dst[k] (a register); imm[k] (address offset
 * or LI value). Operand slots, as in the constructions (src/mdm/thm1/instructionTable.ts):
 *   a: LOAD/STORE base, MOV/UNARY/SHIFT source, ALU/SEL left, JZ/JNZ condition;
 *   b: STORE value, ALU/SEL right, shift amount, jump target;
 *   c: LOAD/STORE index (a constant 0 when absent), SEL condition.
 */
export interface CompiledCode {
  readonly length: number;
  readonly op: Uint8Array;
  readonly aKind: Uint8Array;
  readonly aVal: Float64Array;
  readonly bKind: Uint8Array;
  readonly bVal: Float64Array;
  readonly cKind: Uint8Array;
  readonly cVal: Float64Array;
  readonly dst: Int32Array;
  readonly imm: Float64Array;
}

export function compiledCode(instance: PramInstance): CompiledCode {
  const L = instance.code.length;
  const c: CompiledCode = {
    length: L,
    op: new Uint8Array(L),
    aKind: new Uint8Array(L),
    aVal: new Float64Array(L),
    bKind: new Uint8Array(L),
    bVal: new Float64Array(L),
    cKind: new Uint8Array(L),
    cVal: new Float64Array(L),
    dst: new Int32Array(L),
    imm: new Float64Array(L),
  };
  const operand = (k: number, which: "a" | "b" | "c", s: Source | null) => {
    const [kind, value] =
      s === null
        ? [CONST, 0]
        : s.kind === "reg"
          ? [REG, s.index]
          : s.kind === "pid"
            ? [PID, 0]
            : [CONST, s.kind === "n" ? instance.n : s.kind === "np" ? instance.processors : s.value];
    c[`${which}Kind`][k] = kind;
    c[`${which}Val`][k] = value;
  };
  instance.code.forEach((ins: Instruction, k) => {
    switch (ins.op) {
      case "LOAD":
      case "STORE":
        c.op[k] = OP[ins.op];
        operand(k, "a", ins.base);
        operand(k, "c", ins.index);
        if (ins.op === "STORE") operand(k, "b", ins.src);
        else c.dst[k] = ins.dst;
        c.imm[k] = ins.offset;
        break;
      case "LI":
        c.op[k] = OP.LI;
        c.dst[k] = ins.dst;
        c.imm[k] = ins.value;
        break;
      case "MOV":
        c.op[k] = OP.MOV;
        c.dst[k] = ins.dst;
        operand(k, "a", ins.src);
        break;
      case "ALU":
        c.op[k] = OP[ins.alu];
        c.dst[k] = ins.dst;
        operand(k, "a", ins.a);
        operand(k, "b", ins.b);
        break;
      case "UNARY":
        c.op[k] = OP[ins.unary];
        c.dst[k] = ins.dst;
        operand(k, "a", ins.src);
        break;
      case "SHIFT":
        c.op[k] = OP[ins.shift];
        c.dst[k] = ins.dst;
        operand(k, "a", ins.src);
        operand(k, "b", ins.amount);
        break;
      case "SEL":
        c.op[k] = OP.SEL;
        c.dst[k] = ins.dst;
        operand(k, "a", ins.a);
        operand(k, "b", ins.b);
        operand(k, "c", ins.cond);
        break;
      case "JMP":
        c.op[k] = OP.JMP;
        operand(k, "b", ins.target);
        break;
      case "JZ":
      case "JNZ":
        c.op[k] = OP[ins.op];
        operand(k, "a", ins.cond);
        operand(k, "b", ins.target);
        break;
      case "HALT":
        c.op[k] = OP.HALT;
        break;
    }
  });
  return c;
}
