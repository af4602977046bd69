import type { Expr } from "./expr.js";
import { negate } from "./expr.js";
import { ALU_OPS, type AluOp, SHIFT_OPS, type ShiftOp } from "./instruction.js";
import { ExprSyntaxError, parseExpr } from "./parseExpr.js";
import { PramError } from "./pramError.js";
import type { ProgramInstruction, ProgramOperand } from "./pramProgram.js";
import type { SourceLocation } from "./sourceLocation.js";
import type { LineToken } from "./tokenizeLine.js";

/** A parsed instruction; a jump's target is still a label name (resolved once every label is known). */
export interface ParsedInstruction {
  readonly instruction: ProgramInstruction;
  readonly jump: { readonly label: string; readonly at: SourceLocation } | null;
}

/**
 * Parses `MNEMONIC operands…` from the tokens of one line (labels already taken off). `registers` is R,
 * against which every register operand is checked.
 */
export function parseInstruction(tokens: readonly LineToken[], file: string, line: number, registers: number): ParsedInstruction {
  let k = 0;
  const loc = (col: number): SourceLocation => ({ file, line, col });
  const endCol = () => (tokens.length > 0 ? tokens[tokens.length - 1].col + tokens[tokens.length - 1].text.length + 1 : 1);
  const syntax = (col: number, reason: string): never => {
    throw new PramError({ kind: "syntax", at: loc(col), reason });
  };
  const next = (what: string): LineToken => (k < tokens.length ? tokens[k++] : syntax(endCol(), `expected ${what}, found the end of the line`));
  const found = (t: LineToken) => (t.kind === "expr" ? `'{${t.text}}'` : `'${t.text}'`);
  const punct = (text: string): boolean => {
    const t = tokens[k];
    if (t && t.kind === "punct" && t.text === text) {
      k++;
      return true;
    }
    return false;
  };
  const expect = (text: string) => {
    if (!punct(text)) {
      const t = tokens[k];
      syntax(t ? t.col : endCol(), `expected '${text}'${t ? `, found ${found(t)}` : ", found the end of the line"}`);
    }
  };
  const braced = (t: LineToken & { kind: "expr" }): Expr => {
    try {
      return parseExpr(t.text);
    } catch (e) {
      if (e instanceof ExprSyntaxError) return syntax(t.col + 1 + e.offset, e.reason);
      throw e;
    }
  };
  const integer = (t: LineToken, negative: boolean): Expr => {
    const value = Number(t.text);
    if (!Number.isSafeInteger(value)) syntax(t.col, `integer ${t.text} is not a safe integer`);
    return { kind: "int", value: negative ? -value || 0 : value };
  };
  /** An immediate: an integer literal (optionally negative) or `{expr}`. */
  const immediate = (what = "an integer or {expression}"): Expr => {
    const t = next(what);
    if (t.kind === "int") return integer(t, false);
    if (t.kind === "expr") return braced(t);
    if (t.kind === "punct" && t.text === "-") {
      const u = next("an integer");
      if (u.kind === "int") return integer(u, true);
      if (u.kind === "expr") return negate(braced(u));
      return syntax(u.col, `expected an integer after '-', found ${found(u)}`);
    }
    return syntax(t.col, `expected ${what}, found ${found(t)}`);
  };
  const register = (t: LineToken): number | null => {
    if (t.kind !== "word" || !/^[rR]\d+$/.test(t.text)) return null;
    const index = Number(t.text.slice(1));
    if (index >= registers) throw new PramError({ kind: "bad-register", at: loc(t.col), register: t.text, registers });
    return index;
  };
  const destination = (): number => {
    const t = next("a register");
    return register(t) ?? syntax(t.col, `expected a destination register r0..r${registers - 1}, found ${found(t)}`);
  };
  const source = (): ProgramOperand => {
    const t = tokens[k];
    if (t && t.kind === "word") {
      k++;
      const index = register(t);
      if (index !== null) return { kind: "reg", index };
      if (t.text === "pid" || t.text === "n" || t.text === "np") return { kind: t.text };
      return syntax(t.col, `expected a register, pid, n, np, an integer or {expression}, found '${t.text}'`);
    }
    return { kind: "imm", value: immediate("a register, pid, n, np, an integer or {expression}") };
  };
  /** `[src]`, `[src + imm]`, `[src - imm]`. */
  const address = (): { base: ProgramOperand; offset: Expr } => {
    expect("[");
    const base = source();
    let offset: Expr = { kind: "int", value: 0 };
    if (punct("+")) offset = immediate();
    else if (punct("-")) offset = negate(immediate());
    expect("]");
    return { base, offset };
  };
  const label = (): { label: string; at: SourceLocation } => {
    const t = next("a label");
    if (t.kind !== "word") syntax(t.col, `expected a label, found ${found(t)}`);
    return { label: t.text, at: loc(t.col) };
  };
  const comma = () => expect(",");

  const head = next("an instruction");
  if (head.kind !== "word") syntax(head.col, `expected an instruction, found ${found(head)}`);
  const mnemonic = head.text.toUpperCase();
  let jump: ParsedInstruction["jump"] = null;
  let instruction: ProgramInstruction;
  if (mnemonic === "LOAD") {
    const dst = destination();
    comma();
    instruction = { op: "LOAD", dst, ...address() };
  } else if (mnemonic === "STORE") {
    const src = source();
    comma();
    instruction = { op: "STORE", src, ...address() };
  } else if (mnemonic === "LI") {
    const dst = destination();
    comma();
    instruction = { op: "LI", dst, value: immediate() };
  } else if (mnemonic === "MOV") {
    const dst = destination();
    comma();
    instruction = { op: "MOV", dst, src: source() };
  } else if ((ALU_OPS as readonly string[]).includes(mnemonic)) {
    const dst = destination();
    comma();
    const a = source();
    comma();
    instruction = { op: "ALU", alu: mnemonic as AluOp, dst, a, b: source() };
  } else if ((SHIFT_OPS as readonly string[]).includes(mnemonic)) {
    const dst = destination();
    comma();
    const src = source();
    comma();
    const t = next("a shift amount");
    if (t.kind !== "int") syntax(t.col, `expected a shift amount (an integer literal ≥ 0), found ${found(t)}`);
    const amount = Number(t.text);
    if (!Number.isSafeInteger(amount)) syntax(t.col, `shift amount ${t.text} is not a safe integer`);
    instruction = { op: "SHIFT", shift: mnemonic as ShiftOp, dst, src, amount };
  } else if (mnemonic === "JMP") {
    jump = label();
    instruction = { op: "JMP", target: -1 };
  } else if (mnemonic === "JZ" || mnemonic === "JNZ") {
    const cond = source();
    comma();
    jump = label();
    instruction = { op: mnemonic, cond, target: -1 };
  } else if (mnemonic === "HALT") {
    instruction = { op: "HALT" };
  } else {
    throw new PramError({ kind: "unknown-instruction", at: loc(head.col), mnemonic: head.text });
  }
  if (k < tokens.length) syntax(tokens[k].col, `unexpected ${found(tokens[k])} after the ${mnemonic} instruction`);
  return { instruction, jump };
}
