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

/**
 * Binary ALU operations: dst ← a OP b. Comparisons give 0 or 1; bitwise ops act on two's complement.
 * DIV and MOD round toward −∞ (floor): a = b·DIV(a, b) + MOD(a, b) with MOD's sign that of b; b = 0 is a
 * division error, and DIV(−2^(w−1), −1) overflows.
 */
export type AluOp =
  | "ADD" | "SUB" | "MUL" | "DIV" | "MOD" | "MIN" | "MAX" | "AND" | "OR" | "XOR"
  | "LT" | "LE" | "GT" | "GE" | "EQ" | "NE";

/** Unary ALU operations: NEG is −a (overflows at −2^(w−1)), NOT the bitwise complement −a − 1. */
export type UnaryOp = "NEG" | "NOT";

/**
 * Shifts by an operand amount k ∈ [0, w) (anything else is a shift error): SHL is a multiplication by
 * 2^k (overflow checked), SHR an arithmetic shift (floor(a / 2^k)).
 */
export type ShiftOp = "SHL" | "SHR";

export type Instruction =
  /** dst ← mem[value(base) + value(index) + offset] (index null reads as 0) */
  | { readonly op: "LOAD"; readonly dst: number; readonly base: Source; readonly index: Source | null; readonly offset: number }
  /** mem[value(base) + value(index) + offset] ← value(src) */
  | { readonly op: "STORE"; readonly src: Source; readonly base: Source; readonly index: Source | null; readonly offset: number }
  /** dst ← value (LI) */
  | { readonly op: "LI"; readonly dst: number; readonly value: number }
  /** dst ← value(src) (MOV) */
  | { readonly op: "MOV"; readonly dst: number; readonly src: Source }
  | { readonly op: "ALU"; readonly alu: AluOp; readonly dst: number; readonly a: Source; readonly b: Source }
  | { readonly op: "UNARY"; readonly unary: UnaryOp; readonly dst: number; readonly src: Source }
  | { readonly op: "SHIFT"; readonly shift: ShiftOp; readonly dst: number; readonly src: Source; readonly amount: Source }
  /** dst ← value(cond) ≠ 0 ? value(a) : value(b) */
  | { readonly op: "SEL"; readonly dst: number; readonly cond: Source; readonly a: Source; readonly b: Source }
  /** pc ← value(target), which must be an instruction index in [0, L) (else a jump error) */
  | { readonly op: "JMP"; readonly target: Source }
  /** if value(cond) = 0 then pc ← value(target) (JZ), if ≠ 0 (JNZ); a taken jump checks its target as JMP */
  | { readonly op: "JZ"; readonly cond: Source; readonly target: Source }
  | { readonly op: "JNZ"; readonly cond: Source; readonly target: Source }
  | { readonly op: "HALT" };

export const ALU_OPS: readonly AluOp[] = ["ADD", "SUB", "MUL", "DIV", "MOD", "MIN", "MAX", "AND", "OR", "XOR", "LT", "LE", "GT", "GE", "EQ", "NE"];
export const UNARY_OPS: readonly UnaryOp[] = ["NEG", "NOT"];
export const SHIFT_OPS: readonly ShiftOp[] = ["SHL", "SHR"];

/** The instructions that write their destination register. */
export const writesRegister = (ins: Instruction): boolean => ["LOAD", "LI", "MOV", "ALU", "UNARY", "SHIFT", "SEL"].includes(ins.op);
