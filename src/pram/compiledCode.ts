import type { AluOp, Instruction, Source } from "./instruction.js";
import type { PramInstance } from "./pramInstance.js";

/** Opcodes of the interpreter's flat code: one per instruction, ALU and shift operations included. */
export const OP = {
  LOAD: 0, STORE: 1, LI: 2, MOV: 3, JMP: 4, JZ: 5, JNZ: 6, HALT: 7, SHL: 8, SHR: 9,
  ADD: 10, SUB: 11, MUL: 12, MIN: 13, MAX: 14, AND: 15, OR: 16, XOR: 17, LT: 18, LE: 19, EQ: 20, NE: 21,
} as const;

/** Operand kinds: a register of the processor, its pid, or a constant (n, P and immediates are folded). */
export const REG = 0;
export const PID = 1;
export const CONST = 2;

/**
 * An instance's code as parallel typed arrays, so the interpreter's hot loop reads numbers, not objects.
 * Per instruction k: op[k]; operands a (LOAD/STORE base, MOV/SHIFT/JZ/JNZ source, ALU left) and b (STORE
 * value, ALU right) as (kind, value); dst[k] (a register); imm[k] (address offset, LI value, shift amount,
 * or jump target).
 */
export interface CompiledCode {
  readonly length: number;
  readonly op: Uint8Array;
  readonly aKind: Uint8Array;
  readonly aVal: Float64Array;
  readonly bKind: Uint8Array;
  readonly bVal: Float64Array;
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
    dst: new Int32Array(L),
    imm: new Float64Array(L),
  };
  const operand = (k: number, which: "a" | "b", s: Source) => {
    const [kind, value] =
      s.kind === "reg" ? [REG, s.index] : s.kind === "pid" ? [PID, 0] : [CONST, s.kind === "n" ? instance.n : s.kind === "np" ? instance.processors : s.value];
    c[`${which}Kind`][k] = kind;
    c[`${which}Val`][k] = value;
  };
  instance.code.forEach((ins: Instruction, k) => {
    switch (ins.op) {
      case "LOAD":
        c.op[k] = OP.LOAD;
        operand(k, "a", ins.base);
        c.dst[k] = ins.dst;
        c.imm[k] = ins.offset;
        break;
      case "STORE":
        c.op[k] = OP.STORE;
        operand(k, "a", ins.base);
        operand(k, "b", ins.src);
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
        c.op[k] = OP[ins.alu satisfies AluOp];
        c.dst[k] = ins.dst;
        operand(k, "a", ins.a);
        operand(k, "b", ins.b);
        break;
      case "SHIFT":
        c.op[k] = OP[ins.shift];
        c.dst[k] = ins.dst;
        operand(k, "a", ins.src);
        c.imm[k] = ins.amount;
        break;
      case "JMP":
        c.op[k] = OP.JMP;
        c.imm[k] = ins.target;
        break;
      case "JZ":
      case "JNZ":
        c.op[k] = OP[ins.op];
        operand(k, "a", ins.cond);
        c.imm[k] = ins.target;
        break;
      case "HALT":
        c.op[k] = OP.HALT;
        break;
    }
  });
  return c;
}
