/**
 * The PRAM instruction set. Every processor runs the same program (SPMD); operands are read from the
 * processor's registers r0..r(R-1), from the read-only specials pid, n and np (the processor count P), or
 * are immediates. All arithmetic is on signed words of the program's declared width; a result outside
 * [-2^(w-1), 2^(w-1)) is an overflow error, never a silent wrap.
 */

/** Where an operand's value comes from. */
export type Source =
  | { readonly kind: "reg"; readonly index: number }
  | { readonly kind: "pid" }
  | { readonly kind: "n" }
  | { readonly kind: "np" }
  | { readonly kind: "imm"; readonly value: number };

/** Binary ALU operations: dst ← a OP b. Comparisons give 0 or 1; bitwise ops act on two's complement. */
export type AluOp = "ADD" | "SUB" | "MUL" | "MIN" | "MAX" | "AND" | "OR" | "XOR" | "LT" | "LE" | "EQ" | "NE";

/** Shifts by an immediate amount: SHL is a multiplication by 2^k (overflow checked), SHR an arithmetic shift. */
export type ShiftOp = "SHL" | "SHR";

export type Instruction =
  /** dst ← mem[value(base) + offset] */
  | { readonly op: "LOAD"; readonly dst: number; readonly base: Source; readonly offset: number }
  /** mem[value(base) + offset] ← value(src) */
  | { readonly op: "STORE"; readonly src: Source; readonly base: Source; readonly offset: number }
  /** dst ← value (LI) */
  | { readonly op: "LI"; readonly dst: number; readonly value: number }
  /** dst ← value(src) (MOV) */
  | { readonly op: "MOV"; readonly dst: number; readonly src: Source }
  | { readonly op: "ALU"; readonly alu: AluOp; readonly dst: number; readonly a: Source; readonly b: Source }
  | { readonly op: "SHIFT"; readonly shift: ShiftOp; readonly dst: number; readonly src: Source; readonly amount: number }
  /** pc ← target */
  | { readonly op: "JMP"; readonly target: number }
  /** if value(cond) = 0 then pc ← target (JZ), if ≠ 0 (JNZ) */
  | { readonly op: "JZ"; readonly cond: Source; readonly target: number }
  | { readonly op: "JNZ"; readonly cond: Source; readonly target: number }
  | { readonly op: "HALT" };

export const ALU_OPS: readonly AluOp[] = ["ADD", "SUB", "MUL", "MIN", "MAX", "AND", "OR", "XOR", "LT", "LE", "EQ", "NE"];
export const SHIFT_OPS: readonly ShiftOp[] = ["SHL", "SHR"];
