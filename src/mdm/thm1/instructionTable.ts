import type { Feature } from "../../efasp/feature.js";
import { assume, compare, constant, linear } from "../../efasp/local.js";
import type { Instruction, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import { minOf, maxOf } from "../../minMax.js";

/**
 * Instruction decode as one-hot over the program counter: isPc[k] = [pc = k] (one eq gadget each), after
 * which any per-instruction table is linear: field(pc) = Σ_k table[k]·isPc[k]. Exactly one isPc[k] is 1
 * because pc ∈ [0, L) by its token's bounds, so a table's bounds are the table's own min and max.
 */
export interface InstructionTable {
  readonly isPc: readonly Feature[];
  /** Σ_k f(code[k], k)·isPc[k], with bounds [min f, max f]. */
  readonly table: (name: string, f: (ins: Instruction, k: number) => number) => Feature;
}

export function instructionTable(instance: PramInstance, pc: Feature): InstructionTable {
  const code = instance.code;
  const isPc = code.map((_, k) => compare(`pc=${k}`, "eq", pc, constant(k)));
  const table = (name: string, f: (ins: Instruction, k: number) => number): Feature => {
    const values = code.map((ins, k) => f(ins, k));
    const lo = minOf(values);
    const hi = maxOf(values);
    const terms = values.flatMap((v, k) => (v === 0 ? [] : [[v, isPc[k]] as const]));
    return assume(name, linear(name, terms), lo, hi);
  };
  return { isPc, table };
}

/**
 * The three operands an instruction reads (the interpreter's slots, src/pram/compiledCode.ts):
 *   a: LOAD/STORE base, MOV/UNARY/SHIFT source, ALU/SEL left, JZ/JNZ condition;
 *   b: STORE value, ALU/SEL right, LI's value, shift amount, jump target;
 *   c: LOAD/STORE index, SEL condition.
 */
export function operandA(ins: Instruction): Source | null {
  switch (ins.op) {
    case "LOAD":
    case "STORE":
      return ins.base;
    case "MOV":
    case "UNARY":
    case "SHIFT":
      return ins.src;
    case "ALU":
    case "SEL":
      return ins.a;
    case "JZ":
    case "JNZ":
      return ins.cond;
    case "LI":
    case "JMP":
    case "HALT":
      return null;
  }
}

export function operandB(ins: Instruction): Source | null {
  switch (ins.op) {
    case "STORE":
      return ins.src;
    case "ALU":
    case "SEL":
      return ins.b;
    case "LI":
      return { kind: "imm", value: ins.value };
    case "SHIFT":
      return ins.amount;
    case "JMP":
    case "JZ":
    case "JNZ":
      return ins.target;
    default:
      return null;
  }
}

export function operandC(ins: Instruction): Source | null {
  switch (ins.op) {
    case "LOAD":
    case "STORE":
      return ins.index;
    case "SEL":
      return ins.cond;
    default:
      return null;
  }
}

/** The value of a non-register, non-pid source at instance n (0 for registers, pid and no operand). */
export function constantOf(src: Source | null, instance: PramInstance): number {
  if (src === null) return 0;
  switch (src.kind) {
    case "imm":
      return src.value;
    case "n":
      return instance.n;
    case "np":
      return instance.processors;
    case "reg":
    case "pid":
      return 0;
  }
}
