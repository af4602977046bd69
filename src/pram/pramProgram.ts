import type { ConflictMode } from "./conflictMode.js";
import type { Expr } from "./expr.js";
import type { AluOp, ShiftOp, UnaryOp } from "./instruction.js";
import type { PramErrorKind } from "./pramError.js";
import type { PramMeters } from "./pramMeters.js";
import type { SourceLocation } from "./sourceLocation.js";

/**
 * A parsed (or built) PRAM program, independent of n: header values are unevaluated expressions of n,
 * immediates are expressions, jump targets are instruction indices. `instantiate` evaluates it at one n.
 */
export interface PramProgram {
  readonly name: string;
  readonly header: PramHeader;
  readonly code: readonly ProgramInstruction[];
  /** Every label and the index of the instruction it names, in source order. */
  readonly labels: readonly { readonly name: string; readonly index: number }[];
  /** The file's `# expect:` golden examples. */
  readonly expects: readonly PramExpect[];
  /** Where each part came from, for messages; null for a program built in TS. */
  readonly source: ProgramSource | null;
}

export interface PramHeader {
  readonly processors: Expr;
  readonly memory: Expr;
  readonly wordBits: Expr;
  /** R is fixed per program (it may not depend on n): a constant, checked against every register operand. */
  readonly registers: number;
  readonly inputMin: Expr;
  readonly inputMax: Expr;
  readonly outputStart: Expr;
  readonly outputLength: Expr;
  readonly steps: Expr;
  readonly mode: ConflictMode;
  /** Which n the program is for; null means every n at which the header evaluates. */
  readonly valid: Expr | null;
}

/** The header directives, as written after the dot. */
export type Directive = "name" | "processors" | "memory" | "word" | "registers" | "input" | "output" | "steps" | "mode" | "valid";

export interface ProgramSource {
  readonly file: string;
  readonly directives: Readonly<Partial<Record<Directive, SourceLocation>>>;
  /** The location of each instruction's mnemonic. */
  readonly instructions: readonly SourceLocation[];
}

/** An operand that is read; an immediate is an expression of n. */
export type ProgramOperand =
  | { readonly kind: "reg"; readonly index: number }
  | { readonly kind: "pid" }
  | { readonly kind: "n" }
  | { readonly kind: "np" }
  | { readonly kind: "imm"; readonly value: Expr };

/** Instruction (src/pram/instruction.ts) before instantiation: immediates are expressions of n. */
export type ProgramInstruction =
  | { readonly op: "LOAD"; readonly dst: number; readonly base: ProgramOperand; readonly index: ProgramOperand | null; readonly offset: Expr }
  | { readonly op: "STORE"; readonly src: ProgramOperand; readonly base: ProgramOperand; readonly index: ProgramOperand | null; readonly offset: Expr }
  | { readonly op: "LI"; readonly dst: number; readonly value: Expr }
  | { readonly op: "MOV"; readonly dst: number; readonly src: ProgramOperand }
  | { readonly op: "ALU"; readonly alu: AluOp; readonly dst: number; readonly a: ProgramOperand; readonly b: ProgramOperand }
  | { readonly op: "UNARY"; readonly unary: UnaryOp; readonly dst: number; readonly src: ProgramOperand }
  | { readonly op: "SHIFT"; readonly shift: ShiftOp; readonly dst: number; readonly src: ProgramOperand; readonly amount: ProgramOperand }
  | { readonly op: "SEL"; readonly dst: number; readonly cond: ProgramOperand; readonly a: ProgramOperand; readonly b: ProgramOperand }
  /** A label target is the immediate holding its instruction index. */
  | { readonly op: "JMP"; readonly target: ProgramOperand }
  | { readonly op: "JZ"; readonly cond: ProgramOperand; readonly target: ProgramOperand }
  | { readonly op: "JNZ"; readonly cond: ProgramOperand; readonly target: ProgramOperand }
  | { readonly op: "HALT" };

/** A golden example: `# expect: IN -> OUT | T=… P=…` or `# expect: IN -> error KIND`. */
export interface PramExpect {
  /** 1-based line of the comment (0 when built in TS). */
  readonly line: number;
  readonly input: readonly number[];
  readonly result:
    | { readonly kind: "output"; readonly output: readonly number[]; readonly meters: Readonly<Partial<PramMeters>> }
    | { readonly kind: "error"; readonly error: PramErrorKind };
}
