import { CONFLICT_MODES, type ConflictMode } from "./conflictMode.js";
import { type Expr, isBoolean, mentionsN } from "./expr.js";
import { evalExpr, ExprEvalError } from "./evalExpr.js";
import { ExprSyntaxError, parseExprPrefix } from "./parseExpr.js";
import { PramError } from "./pramError.js";
import type { Directive, PramHeader } from "./pramProgram.js";
import type { SourceLocation } from "./sourceLocation.js";

export const DIRECTIVES: readonly Directive[] = ["name", "processors", "memory", "word", "registers", "input", "output", "steps", "mode", "valid"];
/** Every directive but these two is required. */
export const OPTIONAL_DIRECTIVES: readonly Directive[] = ["name", "valid"];

/** The directives' values as read, before the header is assembled. */
export interface DirectiveValues {
  name: string;
  processors: Expr;
  memory: Expr;
  word: Expr;
  registers: number;
  input: readonly [Expr, Expr];
  output: readonly [Expr, Expr];
  steps: Expr;
  mode: ConflictMode;
  valid: Expr;
}

/**
 * Parses the text after `.DIRECTIVE` (starting at 1-based column `col`). Any problem is a header error at
 * its column, named after the program.
 */
export function parseDirective(directive: string, text: string, at: SourceLocation, col: number, program: string): Partial<DirectiveValues> {
  const fail = (offset: number, reason: string): never => {
    throw new PramError({ kind: "header", at: { ...at, col: col + offset }, program, reason: `.${directive}: ${reason}` });
  };
  const exprAt = (start: number, boolean: boolean): { expr: Expr; end: number } => {
    try {
      const r = parseExprPrefix(text, start);
      if (!boolean && isBoolean(r.expr)) fail(start, "comparisons and && || ! are allowed only in .valid");
      return r;
    } catch (e) {
      if (e instanceof ExprSyntaxError) return fail(e.offset, e.reason);
      throw e;
    }
  };
  const end = (pos: number) => {
    const rest = text.slice(pos);
    if (rest.trim() !== "") fail(pos + rest.length - rest.trimStart().length, `unexpected '${rest.trim()}'`);
  };
  const single = (boolean: boolean): Expr => {
    const r = exprAt(0, boolean);
    end(r.end);
    return r.expr;
  };
  const pair = (separator: string): [Expr, Expr] => {
    const a = exprAt(0, false);
    const sep = text.indexOf(separator, a.end);
    if (sep < 0 || text.slice(a.end, sep).trim() !== "") fail(a.end, `expected '${separator}' between the two values`);
    const b = exprAt(sep + separator.length, false);
    end(b.end);
    return [a.expr, b.expr];
  };
  switch (directive) {
    case "name": {
      const name = text.trim();
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) fail(0, `expected a program name ([A-Za-z0-9_.-]), found '${name}'`);
      return { name };
    }
    case "mode": {
      const mode = text.trim() as ConflictMode;
      if (!CONFLICT_MODES.includes(mode)) fail(0, `expected one of ${CONFLICT_MODES.join(", ")}, found '${text.trim()}'`);
      return { mode };
    }
    case "registers": {
      const expr = single(false);
      if (mentionsN(expr)) fail(0, "R may not depend on n (the register file is part of the program)");
      try {
        const registers = evalExpr(expr, 0);
        if (registers < 0 || registers > 1024) fail(0, `R = ${registers} is outside 0..1024`);
        return { registers };
      } catch (e) {
        if (e instanceof ExprEvalError) return fail(0, e.reason);
        throw e;
      }
    }
    case "input":
      return { input: pair("..") };
    case "output":
      return { output: pair(",") };
    case "processors":
    case "memory":
    case "word":
    case "steps":
      return { [directive]: single(false) };
    case "valid":
      return { valid: single(true) };
    default:
      return fail(-directive.length - 1, `unknown directive '.${directive}' (one of ${DIRECTIVES.map((d) => `.${d}`).join(" ")})`);
  }
}

/** Assembles the header once every directive has been read; a missing one is a header error. */
export function assembleHeader(values: Partial<DirectiveValues>, at: SourceLocation, program: string): PramHeader {
  const missing = DIRECTIVES.filter((d) => !OPTIONAL_DIRECTIVES.includes(d) && values[d] === undefined);
  if (missing.length > 0) {
    throw new PramError({ kind: "header", at, program, reason: `missing ${missing.map((d) => `.${d}`).join(", ")} (every header directive but .name and .valid is required, before the first instruction)` });
  }
  const v = values as DirectiveValues;
  return {
    processors: v.processors,
    memory: v.memory,
    wordBits: v.word,
    registers: v.registers,
    inputMin: v.input[0],
    inputMax: v.input[1],
    outputStart: v.output[0],
    outputLength: v.output[1],
    steps: v.steps,
    mode: v.mode,
    valid: values.valid ?? null,
  };
}
