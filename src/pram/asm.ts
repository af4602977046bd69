import type { Expr } from "./expr.js";
import type { AluOp, ShiftOp } from "./instruction.js";

/**
 * The vocabulary of the TS program builder (`buildProgram`): operands and one constructor per instruction,
 * spelled as in a `.pram` file. `LOAD(r(0), at(pid, "n"))` is `LOAD r0, [pid + {n}]`;
 * `label("round", SUB(r(2), pid, r(1)))` is `round: SUB r2, pid, r1`. Nothing is checked here:
 * `buildProgram` checks registers, labels and expressions exactly as the parser does.
 */

/** An expression of n: an Expr, an integer, or `.pram` expression text such as "7*max(1, log2(n))+5". */
export type ExprLike = Expr | number | string;

export type Reg = { readonly kind: "reg"; readonly index: number };
export type Special = { readonly kind: "pid" } | { readonly kind: "n" } | { readonly kind: "np" };
/** An immediate operand; a bare number is one too. */
export type Imm = { readonly kind: "imm"; readonly value: ExprLike };
export type Operand = Reg | Special | Imm | number;
/** `[base + offset]`. */
export interface Address {
  readonly base: Operand;
  readonly offset: ExprLike;
}

/** An instruction as written: jumps name labels. */
export type AsmInstruction =
  | { readonly op: "LOAD"; readonly dst: Reg; readonly address: Address }
  | { readonly op: "STORE"; readonly src: Operand; readonly address: Address }
  | { readonly op: "LI"; readonly dst: Reg; readonly value: ExprLike }
  | { readonly op: "MOV"; readonly dst: Reg; readonly src: Operand }
  | { readonly op: "ALU"; readonly alu: AluOp; readonly dst: Reg; readonly a: Operand; readonly b: Operand }
  | { readonly op: "SHIFT"; readonly shift: ShiftOp; readonly dst: Reg; readonly src: Operand; readonly amount: number }
  | { readonly op: "JMP"; readonly label: string }
  | { readonly op: "JZ" | "JNZ"; readonly cond: Operand; readonly label: string }
  | { readonly op: "HALT" };

/** One line of code: an instruction and the labels that name it (in the order written). */
export interface AsmLine {
  readonly labels: readonly string[];
  readonly instruction: AsmInstruction;
}

export const r = (index: number): Reg => ({ kind: "reg", index });
export const pid: Special = { kind: "pid" };
/** The operand n (the input length), read like a register; `imm("n")` is the immediate `{n}`: the same value. */
export const n: Special = { kind: "n" };
export const np: Special = { kind: "np" };
export const imm = (value: ExprLike): Imm => ({ kind: "imm", value });
export const at = (base: Operand, offset: ExprLike = 0): Address => ({ base, offset });

/** Names a line: `label("loop", ADD(r(0), r(0), 1))`; nest for several labels. */
export const label = (name: string, line: AsmLine): AsmLine => ({ labels: [name, ...line.labels], instruction: line.instruction });

const line = (instruction: AsmInstruction): AsmLine => ({ labels: [], instruction });
const alu = (op: AluOp) => (dst: Reg, a: Operand, b: Operand) => line({ op: "ALU", alu: op, dst, a, b });
const shift = (op: ShiftOp) => (dst: Reg, src: Operand, amount: number) => line({ op: "SHIFT", shift: op, dst, src, amount });

export const LOAD = (dst: Reg, address: Address) => line({ op: "LOAD", dst, address });
export const STORE = (src: Operand, address: Address) => line({ op: "STORE", src, address });
export const LI = (dst: Reg, value: ExprLike) => line({ op: "LI", dst, value });
export const MOV = (dst: Reg, src: Operand) => line({ op: "MOV", dst, src });
export const ADD = alu("ADD");
export const SUB = alu("SUB");
export const MUL = alu("MUL");
export const MIN = alu("MIN");
export const MAX = alu("MAX");
export const AND = alu("AND");
export const OR = alu("OR");
export const XOR = alu("XOR");
export const LT = alu("LT");
export const LE = alu("LE");
export const EQ = alu("EQ");
export const NE = alu("NE");
export const SHL = shift("SHL");
export const SHR = shift("SHR");
export const JMP = (target: string) => line({ op: "JMP", label: target });
export const JZ = (cond: Operand, target: string) => line({ op: "JZ", cond, label: target });
export const JNZ = (cond: Operand, target: string) => line({ op: "JNZ", cond, label: target });
export const HALT = () => line({ op: "HALT" });
