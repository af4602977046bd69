import type { Address, AsmLine, ExprLike, Operand, Reg } from "./asm.js";
import type { ConflictMode } from "./conflictMode.js";
import { type Expr, isBoolean } from "./expr.js";
import { ExprSyntaxError, parseExpr } from "./parseExpr.js";
import { PramError, type PramErrorDetail } from "./pramError.js";
import type { Directive, PramHeader, PramProgram, ProgramInstruction, ProgramOperand } from "./pramProgram.js";

/** A program written in TS: the `.pram` header directives and the code, in the vocabulary of asm.ts. */
export interface ProgramSpec {
  readonly name: string;
  readonly header: {
    readonly processors: ExprLike;
    readonly memory: ExprLike;
    readonly word: ExprLike;
    readonly registers: number;
    readonly input: readonly [ExprLike, ExprLike];
    readonly output: readonly [ExprLike, ExprLike];
    readonly steps: ExprLike;
    readonly mode: ConflictMode;
    readonly valid?: ExprLike;
  };
  readonly code: readonly AsmLine[];
}

/**
 * The PramProgram that parsing the same program as `.pram` text gives, with `source: null` and no
 * `# expect:` lines. It is checked as the parser checks text: the name, R in 0..1024, header expressions
 * (no comparisons outside `.valid`), register operands below R, labels defined once and every jump's label
 * defined. Problems are the parser's PramErrors; what has no place in a file (`at`) is located at
 * `NAME (built):0:COL`, COL being the column inside the expression text, with the instruction as `@k` in
 * the reason.
 */
export function buildProgram(spec: ProgramSpec): PramProgram {
  const { name, header: h } = spec;
  const headerError = (directive: Directive, reason: string): never => {
    return raise({ kind: "header", at: null, program: name, reason: `.${directive}: ${reason}` });
  };
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) headerError("name", `expected a program name ([A-Za-z0-9_.-]), found '${name}'`);
  if (!Number.isInteger(h.registers) || h.registers < 0 || h.registers > 1024) headerError("registers", `R = ${h.registers} is outside 0..1024`);

  const headerExpr = (directive: Directive, e: ExprLike): Expr => {
    const expr = toExpr(e, (col, reason) => headerError(directive, `${reason}${typeof e === "string" ? ` (column ${col} of '${e}')` : ""}`));
    if (directive !== "valid" && isBoolean(expr)) headerError(directive, "comparisons and && || ! are allowed only in .valid");
    return expr;
  };
  const header: PramHeader = {
    processors: headerExpr("processors", h.processors),
    memory: headerExpr("memory", h.memory),
    wordBits: headerExpr("word", h.word),
    registers: h.registers,
    inputMin: headerExpr("input", h.input[0]),
    inputMax: headerExpr("input", h.input[1]),
    outputStart: headerExpr("output", h.output[0]),
    outputLength: headerExpr("output", h.output[1]),
    steps: headerExpr("steps", h.steps),
    mode: h.mode,
    valid: h.valid === undefined ? null : headerExpr("valid", h.valid),
  };

  if (spec.code.length === 0) raise({ kind: "header", at: null, program: name, reason: "the program has no instructions (every processor needs at least a HALT)" });
  const labels: { name: string; index: number }[] = [];
  const index = new Map<string, number>();
  spec.code.forEach((line, k) =>
    line.labels.forEach((label) => {
      if (index.has(label)) raise({ kind: "duplicate-label", at: null, label });
      index.set(label, k);
      labels.push({ name: label, index: k });
    }),
  );
  const code = spec.code.map(({ instruction: ins }, k): ProgramInstruction => {
    const syntax = (col: number, reason: string): never => {
      return raise({ kind: "syntax", at: { file: `${name} (built)`, line: 0, col }, reason: `@${k} ${ins.op}: ${reason}` });
    };
    const expr = (e: ExprLike) => toExpr(e, (col, reason) => syntax(col, typeof e === "string" ? `{${e}}: ${reason}` : reason));
    const reg = (x: Reg): number =>
      Number.isInteger(x.index) && x.index >= 0 && x.index < h.registers ? x.index : raise({ kind: "bad-register", at: null, register: `r${x.index}`, registers: h.registers });
    const target = (label: string): number => index.get(label) ?? raise({ kind: "unknown-label", at: null, label });
    const operand = (o: Operand): ProgramOperand =>
      typeof o === "number"
        ? { kind: "imm", value: expr(o) }
        : o.kind === "imm"
          ? { kind: "imm", value: expr(o.value) }
          : o.kind === "label"
            ? { kind: "imm", value: { kind: "int", value: target(o.name) } }
            : o.kind === "reg"
              ? { kind: "reg", index: reg(o) }
              : { kind: o.kind };
    const jumpTarget = (t: string | Operand): ProgramOperand => (typeof t === "string" ? operand({ kind: "label", name: t }) : operand(t));
    const address = (a: Address) => ({ base: operand(a.base), index: a.index === null ? null : operand(a.index), offset: expr(a.offset) });
    switch (ins.op) {
      case "LOAD": {
        const dst = reg(ins.dst);
        return { op: "LOAD", dst, ...address(ins.address) };
      }
      case "STORE": {
        const src = operand(ins.src);
        return { op: "STORE", src, ...address(ins.address) };
      }
      case "LI":
        return { op: "LI", dst: reg(ins.dst), value: expr(ins.value) };
      case "MOV":
        return { op: "MOV", dst: reg(ins.dst), src: operand(ins.src) };
      case "ALU":
        return { op: "ALU", alu: ins.alu, dst: reg(ins.dst), a: operand(ins.a), b: operand(ins.b) };
      case "UNARY":
        return { op: "UNARY", unary: ins.unary, dst: reg(ins.dst), src: operand(ins.src) };
      case "SHIFT": {
        const dst = reg(ins.dst);
        return { op: "SHIFT", shift: ins.shift, dst, src: operand(ins.src), amount: operand(ins.amount) };
      }
      case "SEL": {
        const dst = reg(ins.dst);
        return { op: "SEL", dst, cond: operand(ins.cond), a: operand(ins.a), b: operand(ins.b) };
      }
      case "JMP":
        return { op: "JMP", target: jumpTarget(ins.target) };
      case "JZ":
      case "JNZ":
        return { op: ins.op, cond: operand(ins.cond), target: jumpTarget(ins.target) };
      case "HALT":
        return { op: "HALT" };
    }
  });
  return { name, header, code, labels, expects: [], source: null };
}

/** An ExprLike as the parser would have read it; `fail(col, reason)` (col 1-based in the text, 0 for a number). */
function toExpr(e: ExprLike, fail: (col: number, reason: string) => never): Expr {
  if (typeof e === "number") return Number.isSafeInteger(e) ? { kind: "int", value: e === 0 ? 0 : e } : fail(0, `${e} is not a safe integer`);
  if (typeof e !== "string") return e;
  try {
    return parseExpr(e);
  } catch (err) {
    if (err instanceof ExprSyntaxError) return fail(err.offset + 1, err.reason);
    throw err;
  }
}

function raise(detail: PramErrorDetail): never {
  throw new PramError(detail);
}
