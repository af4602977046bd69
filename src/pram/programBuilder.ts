import type { ConflictMode } from "./conflictMode.js";
import type { Expr } from "./expr.js";
import type { AluOp, ShiftOp } from "./instruction.js";
import { ExprSyntaxError, parseExpr } from "./parseExpr.js";
import { PramError } from "./pramError.js";
import type { PramProgram, ProgramInstruction, ProgramOperand } from "./pramProgram.js";

/** A register by name, as in `.pram` text. */
export type Reg = `r${number}`;
/** An integer, or an expression of n in `.pram` syntax (`"2*n - 1"`). */
export type Value = number | string;
/** A source operand: a register, pid, n, np, or an immediate value. */
export type Operand = Reg | "pid" | "n" | "np" | Value;

/** One line of a built program: an instruction whose jump target is still a label, or a label. */
export type Line =
  | { readonly label: string }
  | { readonly op: "LOAD"; readonly dst: Reg; readonly base: Operand; readonly offset?: Value }
  | { readonly op: "STORE"; readonly src: Operand; readonly base: Operand; readonly offset?: Value }
  | { readonly op: "LI"; readonly dst: Reg; readonly value: Value }
  | { readonly op: "MOV"; readonly dst: Reg; readonly src: Operand }
  | { readonly op: AluOp; readonly dst: Reg; readonly a: Operand; readonly b: Operand }
  | { readonly op: ShiftOp; readonly dst: Reg; readonly src: Operand; readonly amount: number }
  | { readonly op: "JMP"; readonly target: string }
  | { readonly op: "JZ" | "JNZ"; readonly cond: Operand; readonly target: string }
  | { readonly op: "HALT" };

export interface HeaderSpec {
  readonly processors: Value;
  readonly memory: Value;
  readonly word: Value;
  readonly registers: number;
  readonly input: readonly [Value, Value];
  readonly output: readonly [Value, Value];
  readonly steps: Value;
  readonly mode: ConflictMode;
  /** A condition on n in `.valid` syntax. */
  readonly valid?: string;
}

/**
 * The typed way to write a PRAM program in TS: the same PramProgram the parser builds from `.pram` text
 * (with `source: null`, no golden examples). Expressions use `.pram` syntax; a register beyond R, an
 * unknown or repeated label, or a malformed expression is the same PramError the parser raises, without
 * a location.
 */
export function buildProgram(name: string, header: HeaderSpec, lines: readonly Line[]): PramProgram {
  const R = header.registers;
  const expr = (v: Value): Expr => {
    if (typeof v === "number") return { kind: "int", value: v };
    try {
      return parseExpr(v);
    } catch (e) {
      if (e instanceof ExprSyntaxError) throw new PramError({ kind: "syntax", at: null, reason: `${name}: '${v}': ${e.reason}` });
      throw e;
    }
  };
  const reg = (r: Reg): number => {
    const index = Number(r.slice(1));
    if (!(Number.isInteger(index) && index >= 0 && index < R)) throw new PramError({ kind: "bad-register", at: null, register: r, registers: R });
    return index;
  };
  const operand = (o: Operand): ProgramOperand =>
    typeof o === "string" && /^r\d+$/.test(o) ? { kind: "reg", index: reg(o as Reg) } : o === "pid" || o === "n" || o === "np" ? { kind: o } : { kind: "imm", value: expr(o) };
  const labels: { name: string; index: number }[] = [];
  const code: Exclude<Line, { label: string }>[] = [];
  for (const line of lines) {
    if ("label" in line) {
      if (labels.some((l) => l.name === line.label)) throw new PramError({ kind: "duplicate-label", at: null, label: line.label });
      labels.push({ name: line.label, index: code.length });
    } else code.push(line);
  }
  const dangling = labels.find((l) => l.index >= code.length);
  if (dangling) throw new PramError({ kind: "syntax", at: null, reason: `${name}: label '${dangling.name}' is not followed by an instruction` });
  const target = (label: string): number => {
    const l = labels.find((x) => x.name === label);
    if (!l) throw new PramError({ kind: "unknown-label", at: null, label });
    return l.index;
  };
  const program: ProgramInstruction[] = code.map((i): ProgramInstruction => {
    switch (i.op) {
      case "LOAD":
        return { op: "LOAD", dst: reg(i.dst), base: operand(i.base), offset: expr(i.offset ?? 0) };
      case "STORE":
        return { op: "STORE", src: operand(i.src), base: operand(i.base), offset: expr(i.offset ?? 0) };
      case "LI":
        return { op: "LI", dst: reg(i.dst), value: expr(i.value) };
      case "MOV":
        return { op: "MOV", dst: reg(i.dst), src: operand(i.src) };
      case "SHL":
      case "SHR":
        return { op: "SHIFT", shift: i.op, dst: reg(i.dst), src: operand(i.src), amount: i.amount };
      case "JMP":
        return { op: "JMP", target: target(i.target) };
      case "JZ":
      case "JNZ":
        return { op: i.op, cond: operand(i.cond), target: target(i.target) };
      case "HALT":
        return { op: "HALT" };
      default:
        return { op: "ALU", alu: i.op, dst: reg(i.dst), a: operand(i.a), b: operand(i.b) };
    }
  });
  return {
    name,
    header: {
      processors: expr(header.processors),
      memory: expr(header.memory),
      wordBits: expr(header.word),
      registers: R,
      inputMin: expr(header.input[0]),
      inputMax: expr(header.input[1]),
      outputStart: expr(header.output[0]),
      outputLength: expr(header.output[1]),
      steps: expr(header.steps),
      mode: header.mode,
      valid: header.valid === undefined ? null : expr(header.valid),
    },
    code: program,
    labels,
    expects: [],
    source: null,
  };
}
