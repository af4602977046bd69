import type { Expr } from "./expr.js";
import type { AluOp, ShiftOp, UnaryOp } from "./instruction.js";

/**
 * The vocabulary of the TS program builder (`buildProgram`): operands and one constructor per instruction,
 * spelled as in a `.pram` file. `LOAD(r(0), at(pid, "n"))` is `LOAD r0, [pid + {n}]`;
 * `label("round", SUB(r(2), pid, r(1)))` is `round: SUB r2, pid, r1`; `LOAD(r(0), at(pid, r(1), 2))` is
 * `LOAD r0, [pid + r1 + 2]`; `JMP("loop")` jumps to a label, `JMP(r(1))` to the pc held in r1, and
 * `pcOf("loop")` is the operand `@loop` (the label's instruction index). Nothing is checked here:
 * `buildProgram` checks registers, labels and expressions exactly as the parser does.
 */

/** An expression of n: an Expr, an integer, or `.pram` expression text such as "7*max(1, log2(n))+5". */
export type ExprLike = Expr | number | string;

export type Reg = { readonly kind: "reg"; readonly index: number };
export type Special = { readonly kind: "pid" } | { readonly kind: "n" } | { readonly kind: "np" };
/** An immediate operand; a bare number is one too. */
export type Imm = { readonly kind: "imm"; readonly value: ExprLike };
/** `@name`: the instruction index of a label, as a value. */
export type LabelValue = { readonly kind: "label"; readonly name: string };
export type Operand = Reg | Special | Imm | LabelValue | number;
/** `[base + index + offset]` (index null: `[base + offset]`). */
export interface Address {
  readonly base: Operand;
  readonly index: Operand | null;
  readonly offset: ExprLike;
}

/** An instruction as written: jumps name labels. */
export type AsmInstruction =
  | { readonly op: "LOAD"; readonly dst: Reg; readonly address: Address }
  | { readonly op: "STORE"; readonly src: Operand; readonly address: Address }
  | { readonly op: "LI"; readonly dst: Reg; readonly value: ExprLike }
  | { readonly op: "MOV"; readonly dst: Reg; readonly src: Operand }
  | { readonly op: "ALU"; readonly alu: AluOp; readonly dst: Reg; readonly a: Operand; readonly b: Operand }
  | { readonly op: "UNARY"; readonly unary: UnaryOp; readonly dst: Reg; readonly src: Operand }
  | { readonly op: "SHIFT"; readonly shift: ShiftOp; readonly dst: Reg; readonly src: Operand; readonly amount: Operand }
  | { readonly op: "SEL"; readonly dst: Reg; readonly cond: Operand; readonly a: Operand; readonly b: Operand }
  /** A string target is a label name. */
  | { readonly op: "JMP"; readonly target: string | Operand }
  | { readonly op: "JZ" | "JNZ"; readonly cond: Operand; readonly target: string | Operand }
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
export const pcOf = (name: string): LabelValue => ({ kind: "label", name });
/**
 * `at(base)`, `at(base, offset)`, or `at(base, index, offset)` with a register, pid or np index (as in the
 * parser, n in an address is part of the offset: `at(pid, n)` is `[pid + {n}]`).
 */
export function at(base: Operand, offset?: ExprLike): Address;
export function at(base: Operand, index: Reg | Special, offset?: ExprLike): Address;
export function at(base: Operand, second: ExprLike | Reg | Special = 0, offset: ExprLike = 0): Address {
  const isIndex = typeof second === "object" && (second.kind === "reg" || second.kind === "pid" || second.kind === "np");
  return isIndex ? { base, index: second as Reg | Special, offset } : { base, index: null, offset: second as ExprLike };
}

/** Names a line: `label("loop", ADD(r(0), r(0), 1))`; nest for several labels. */
export const label = (name: string, line: AsmLine): AsmLine => ({ labels: [name, ...line.labels], instruction: line.instruction });

const line = (instruction: AsmInstruction): AsmLine => ({ labels: [], instruction });
const alu = (op: AluOp) => (dst: Reg, a: Operand, b: Operand) => line({ op: "ALU", alu: op, dst, a, b });
const unary = (op: UnaryOp) => (dst: Reg, src: Operand) => line({ op: "UNARY", unary: op, dst, src });
const shift = (op: ShiftOp) => (dst: Reg, src: Operand, amount: Operand) => line({ op: "SHIFT", shift: op, dst, src, amount });

export const LOAD = (dst: Reg, address: Address) => line({ op: "LOAD", dst, address });
export const STORE = (src: Operand, address: Address) => line({ op: "STORE", src, address });
export const LI = (dst: Reg, value: ExprLike) => line({ op: "LI", dst, value });
export const MOV = (dst: Reg, src: Operand) => line({ op: "MOV", dst, src });
export const ADD = alu("ADD");
export const SUB = alu("SUB");
export const MUL = alu("MUL");
export const DIV = alu("DIV");
export const MOD = alu("MOD");
export const MIN = alu("MIN");
export const MAX = alu("MAX");
export const AND = alu("AND");
export const OR = alu("OR");
export const XOR = alu("XOR");
export const LT = alu("LT");
export const LE = alu("LE");
export const GT = alu("GT");
export const GE = alu("GE");
export const EQ = alu("EQ");
export const NE = alu("NE");
export const NEG = unary("NEG");
export const NOT = unary("NOT");
export const SHL = shift("SHL");
export const SHR = shift("SHR");
export const SEL = (dst: Reg, cond: Operand, a: Operand, b: Operand) => line({ op: "SEL", dst, cond, a, b });
export const JMP = (target: string | Operand) => line({ op: "JMP", target });
export const JZ = (cond: Operand, target: string | Operand) => line({ op: "JZ", cond, target });
export const JNZ = (cond: Operand, target: string | Operand) => line({ op: "JNZ", cond, target });
export const HALT = () => line({ op: "HALT" });
