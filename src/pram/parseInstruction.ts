import type { Expr } from "./expr.js";
import { negate } from "./expr.js";
import { ALU_OPS, type AluOp, SHIFT_OPS, type ShiftOp, UNARY_OPS, type UnaryOp } from "./instruction.js";
import { ExprSyntaxError, parseExpr } from "./parseExpr.js";
import { PramError } from "./pramError.js";
import type { ProgramInstruction, ProgramOperand } from "./pramProgram.js";
import type { SourceLocation } from "./sourceLocation.js";
import type { LineToken } from "./tokenizeLine.js";

/**
 * A reference to a label's instruction index, resolved once every label is known: the instruction's
 * field `field` becomes that index, as an immediate operand (`kind: "operand"`) or an Expr (LI's value).
 */
export interface LabelRef {
  readonly field: string;
  readonly kind: "operand" | "expr";
  readonly label: string;
  readonly at: SourceLocation;
}

/** A parsed instruction; label references (jump targets, `@label` values) are still names. */
export interface ParsedInstruction {
  readonly instruction: ProgramInstruction;
  readonly refs: readonly LabelRef[];
}

const SPECIALS = ["pid", "n", "np"];
const PLACEHOLDER: Expr = { kind: "int", value: -1 };

/**
 * Parses `MNEMONIC operands…` from the tokens of one line (labels already taken off). `registers` is R,
 * against which every register operand is checked. An operand is a register, pid, n, np, `@label`, or an
 * expression of n (braces optional: `n/2 + 1` and `{n/2 + 1}` are the same). An address is `[t + t …]`:
 * at most two operands added (base, then index) and any expressions of n, added or subtracted (the offset).
 */
export function parseInstruction(tokens: readonly LineToken[], file: string, line: number, registers: number): ParsedInstruction {
  let k = 0;
  const refs: LabelRef[] = [];
  const loc = (col: number): SourceLocation => ({ file, line, col });
  const endCol = () => (tokens.length > 0 ? tokens[tokens.length - 1].col + tokens[tokens.length - 1].text.length + 1 : 1);
  const syntax = (col: number, reason: string): never => {
    throw new PramError({ kind: "syntax", at: loc(col), reason });
  };
  const found = (t: LineToken) => (t.kind === "expr" ? `'{${t.text}}'` : t.kind === "label" ? `'@${t.text}'` : `'${t.text}'`);
  const isPunct = (t: LineToken | undefined, text: string) => t !== undefined && t.kind === "punct" && t.text === text;
  const expect = (text: string) => {
    const t = tokens[k];
    if (!isPunct(t, text)) syntax(t ? t.col : endCol(), `expected '${text}'${t ? `, found ${found(t)}` : ", found the end of the line"}`);
    k++;
  };
  const isOperandWord = (t: LineToken) => t.kind === "word" && (/^[rR]\d+$/.test(t.text) || SPECIALS.includes(t.text));
  const register = (t: LineToken): number | null => {
    if (t.kind !== "word" || !/^[rR]\d+$/.test(t.text)) return null;
    const index = Number(t.text.slice(1));
    if (index >= registers) throw new PramError({ kind: "bad-register", at: loc(t.col), register: t.text, registers });
    return index;
  };
  const destination = (): number => {
    const t = tokens[k];
    if (t === undefined) return syntax(endCol(), "expected a register, found the end of the line");
    k++;
    return register(t) ?? syntax(t.col, `expected a destination register r0..r${registers - 1}, found ${found(t)}`);
  };
  /** The tokens from k up to (not including) a top-level token in `stops` or the end of the line. */
  const segment = (stops: readonly string[], what: string): LineToken[] => {
    const start = k;
    let depth = 0;
    while (k < tokens.length) {
      const t = tokens[k];
      if (depth === 0 && t.kind === "punct" && stops.includes(t.text)) break;
      if (t.kind === "op" && t.text === "(") depth++;
      if (t.kind === "op" && t.text === ")") depth--;
      k++;
    }
    if (k === start) syntax(tokens[k] ? tokens[k].col : endCol(), `expected ${what}, found ${tokens[k] ? found(tokens[k]) : "the end of the line"}`);
    return tokens.slice(start, k);
  };
  /** An expression of n written over `ts` (kept at their columns, so errors point into the line). */
  const expression = (ts: readonly LineToken[]): Expr => {
    const base = ts[0].col;
    let text = "";
    for (const t of ts) {
      if (t.kind === "label") syntax(t.col, `${found(t)} is a value on its own, not part of an expression`);
      if (isOperandWord(t) && t.text !== "n") syntax(t.col, `${found(t)} cannot be part of an expression (expressions are of n only; compute with instructions)`);
      text = text.padEnd(t.col - base) + (t.kind === "expr" ? `(${t.text})` : t.text);
    }
    try {
      return parseExpr(text);
    } catch (e) {
      if (e instanceof ExprSyntaxError) return syntax(base + e.offset, e.reason);
      throw e;
    }
  };
  /** One operand for instruction field `field`; a lone non-operand word is a label when `labels`. */
  const operand = (ts: readonly LineToken[], field: string, labels: boolean): ProgramOperand => {
    const t = ts[0];
    if (ts.length === 1 && isOperandWord(t)) {
      const index = register(t);
      return index !== null ? { kind: "reg", index } : ({ kind: t.text } as ProgramOperand);
    }
    if (ts.length === 1 && (t.kind === "label" || (labels && t.kind === "word" && !isOperandWord(t)))) {
      refs.push({ field, kind: "operand", label: t.text, at: loc(t.col) });
      return { kind: "imm", value: PLACEHOLDER };
    }
    return { kind: "imm", value: expression(ts) };
  };
  const source = (field: string, what = "an operand (a register, pid, n, np, an integer or an expression)", labels = false) =>
    operand(segment([","], what), field, labels);
  /** `[…]`: operands and expressions added or subtracted, split at top-level + and −. */
  const address = (): { base: ProgramOperand; index: ProgramOperand | null; offset: Expr } => {
    expect("[");
    const ts = segment(["]"], "an address");
    expect("]");
    const terms: { sign: 1 | -1; ts: LineToken[] }[] = [{ sign: 1, ts: [] }];
    let depth = 0;
    ts.forEach((t, j) => {
      if (t.kind === "op" && t.text === "(") depth++;
      if (t.kind === "op" && t.text === ")") depth--;
      const prev = ts[j - 1];
      const binary = prev !== undefined && !(prev.kind === "punct" || (prev.kind === "op" && prev.text !== ")"));
      if (depth === 0 && binary && t.kind === "punct" && (t.text === "+" || t.text === "-")) terms.push({ sign: t.text === "+" ? 1 : -1, ts: [] });
      else terms[terms.length - 1].ts.push(t);
    });
    const operands: ProgramOperand[] = [];
    const offsets: Expr[] = [];
    for (const term of terms) {
      if (term.ts.length === 0) syntax(ts[ts.length - 1].col, "expected a term after '+' or '-' in the address");
      if (term.ts.length === 1 && isOperandWord(term.ts[0]) && term.ts[0].text !== "n") {
        if (term.sign < 0) syntax(term.ts[0].col, `${found(term.ts[0])} is subtracted: an address adds its operands (subtract with SUB first)`);
        if (operands.length === 2) syntax(term.ts[0].col, `${found(term.ts[0])}: an address adds at most two operands (registers, pid, np)`);
        operands.push(operand(term.ts, "address", false));
      } else {
        const e = expression(term.ts);
        offsets.push(term.sign < 0 ? negate(e) : e);
      }
    }
    const sum = (es: readonly Expr[]): Expr => es.reduce((acc, e) => ({ kind: "binary", op: "+", left: acc, right: e }));
    if (operands.length === 0) return { base: { kind: "imm", value: sum(offsets.slice(0, 1)) }, index: null, offset: offsets.length > 1 ? sum(offsets.slice(1)) : { kind: "int", value: 0 } };
    return { base: operands[0], index: operands[1] ?? null, offset: offsets.length > 0 ? sum(offsets) : { kind: "int", value: 0 } };
  };
  const comma = () => expect(",");

  const head = tokens[k++];
  if (head === undefined || head.kind !== "word") return syntax(head ? head.col : endCol(), `expected an instruction, found ${head ? found(head) : "the end of the line"}`);
  const mnemonic = head.text.toUpperCase();
  let instruction: ProgramInstruction;
  if (mnemonic === "LOAD") {
    const dst = destination();
    comma();
    instruction = { op: "LOAD", dst, ...address() };
  } else if (mnemonic === "STORE") {
    const src = source("src");
    comma();
    instruction = { op: "STORE", src, ...address() };
  } else if (mnemonic === "LI") {
    const dst = destination();
    comma();
    const ts = segment([","], "an integer or an expression");
    if (ts.length === 1 && ts[0].kind === "label") {
      refs.push({ field: "value", kind: "expr", label: ts[0].text, at: loc(ts[0].col) });
      instruction = { op: "LI", dst, value: PLACEHOLDER };
    } else instruction = { op: "LI", dst, value: expression(ts) };
  } else if (mnemonic === "MOV") {
    const dst = destination();
    comma();
    instruction = { op: "MOV", dst, src: source("src") };
  } else if ((ALU_OPS as readonly string[]).includes(mnemonic)) {
    const dst = destination();
    comma();
    const a = source("a");
    comma();
    instruction = { op: "ALU", alu: mnemonic as AluOp, dst, a, b: source("b") };
  } else if ((UNARY_OPS as readonly string[]).includes(mnemonic)) {
    const dst = destination();
    comma();
    instruction = { op: "UNARY", unary: mnemonic as UnaryOp, dst, src: source("src") };
  } else if ((SHIFT_OPS as readonly string[]).includes(mnemonic)) {
    const dst = destination();
    comma();
    const src = source("src");
    comma();
    instruction = { op: "SHIFT", shift: mnemonic as ShiftOp, dst, src, amount: source("amount", "a shift amount") };
  } else if (mnemonic === "SEL") {
    const dst = destination();
    comma();
    const cond = source("cond");
    comma();
    const a = source("a");
    comma();
    instruction = { op: "SEL", dst, cond, a, b: source("b") };
  } else if (mnemonic === "JMP") {
    instruction = { op: "JMP", target: source("target", "a label or a target operand", true) };
  } else if (mnemonic === "JZ" || mnemonic === "JNZ") {
    const cond = source("cond");
    comma();
    instruction = { op: mnemonic, cond, target: source("target", "a label or a target operand", true) };
  } else if (mnemonic === "HALT") {
    instruction = { op: "HALT" };
  } else {
    throw new PramError({ kind: "unknown-instruction", at: loc(head.col), mnemonic: head.text });
  }
  if (k < tokens.length) syntax(tokens[k].col, `unexpected ${found(tokens[k])} after the ${mnemonic} instruction`);
  return { instruction, refs };
}
