import { evalExpr, ExprEvalError } from "./evalExpr.js";
import type { Expr } from "./expr.js";
import type { Instruction, Source } from "./instruction.js";
import { isValidAt } from "./isValidAt.js";
import { PramError } from "./pramError.js";
import type { PramInstance } from "./pramInstance.js";
import type { Directive, PramProgram, ProgramOperand } from "./pramProgram.js";

/**
 * The largest machine `instantiate` accepts; anything bigger is an "oversized n" header error. `work` caps
 * P·T(n), so that W ≤ P·T (and every meter) stays an exact float64 integer: 2^30 steps at 2^22 processors,
 * 2^52 on one.
 */
export const LIMITS = { processors: 2 ** 22, memory: 2 ** 26, wordBits: 32, work: 2 ** 52 } as const;

/**
 * Evaluates every header expression and immediate of `program` at input length n and checks that they
 * describe a sensible machine: n ≥ 1 and `.valid` holds; 1 ≤ P ≤ 2^22, n ≤ M ≤ 2^26, 2 ≤ w ≤ 32,
 * 1 ≤ T(n) ≤ 2^52 / P; n and P are words (pid, n and np are operands); the input range and every immediate are words; the output region lies in memory; a
 * shift amount is in 0..w−1 (a register amount is checked when it runs: a shift error); an address offset
 * and a jump target are safe integers (a taken jump checks its target: a jump error). Problems are header / immediate errors
 * naming the directive's or instruction's source location.
 */
export function instantiate(program: PramProgram, n: number): PramInstance {
  const h = program.header;
  const header = (directive: Directive | null, reason: string): never => {
    const at = directive ? (program.source?.directives[directive] ?? null) : null;
    throw new PramError({ kind: "header", at, program: program.name, reason: `at n = ${n}: ${reason}` });
  };
  if (!Number.isSafeInteger(n) || n < 1) header(null, `the input length must be an integer ≥ 1`);
  const value = (directive: Directive, e: Expr): number => {
    try {
      return evalExpr(e, n);
    } catch (err) {
      if (err instanceof ExprEvalError) return header(directive, `.${directive}: ${err.reason}`);
      throw err;
    }
  };
  const inRange = (directive: Directive, what: string, x: number, lo: number, hi: number): number =>
    x >= lo && x <= hi ? x : header(directive, `${what} = ${x} is outside ${lo}..${hi}${x > hi && hi >= 2 ** 20 ? " (n is too large for this interpreter)" : ""}`);

  if (!isValidAt(program, n)) header("valid", `the program is not defined for this n (.valid fails)`);
  const processors = inRange("processors", "P", value("processors", h.processors), 1, LIMITS.processors);
  const memory = inRange("memory", "M", value("memory", h.memory), n, LIMITS.memory);
  const wordBits = inRange("word", "w", value("word", h.wordBits), 2, LIMITS.wordBits);
  const stepBound = inRange("steps", "T", value("steps", h.steps), 1, Math.floor(LIMITS.work / processors));
  const minWord = -(2 ** (wordBits - 1));
  const maxWord = 2 ** (wordBits - 1) - 1;
  // pid, n and np are operands like any register: each must be a word.
  if (Math.max(n, processors) > maxWord) header("word", `${wordBits}-bit words cannot hold ${n >= processors ? `n = ${n}` : `P = ${processors}`} (pid, n and np are operands)`);
  const inputMin = inRange("input", "the smallest input", value("input", h.inputMin), minWord, maxWord);
  const inputMax = inRange("input", "the largest input", value("input", h.inputMax), inputMin, maxWord);
  const outputStart = inRange("output", "the output start", value("output", h.outputStart), 0, memory);
  const outputLength = inRange("output", "the output length", value("output", h.outputLength), 1, memory - outputStart);

  const code = program.code.map((ins, k): Instruction => {
    const immediate = (e: Expr, what: string, lo: number, hi: number): number => {
      const at = program.source?.instructions[k] ?? null;
      const fail = (reason: string): never => {
        throw new PramError({ kind: "immediate", at, program: program.name, n, reason: `${what}: ${reason}` });
      };
      let x: number;
      try {
        x = evalExpr(e, n);
      } catch (err) {
        if (err instanceof ExprEvalError) return fail(err.reason);
        throw err;
      }
      return x >= lo && x <= hi ? x : fail(`${x} is outside ${lo}..${hi}`);
    };
    const word = (e: Expr) => immediate(e, "value", minWord, maxWord);
    const offset = (e: Expr) => immediate(e, "address offset", -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const operand = (o: ProgramOperand): Source => (o.kind === "imm" ? { kind: "imm", value: word(o.value) } : o);
    const index = (o: ProgramOperand | null): Source | null => (o === null ? null : operand(o));
    // A jump target need not be a word (a label's index is not stored in a register); a taken jump checks it.
    const target = (o: ProgramOperand): Source => (o.kind === "imm" ? { kind: "imm", value: immediate(o.value, "jump target", -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) } : o);
    switch (ins.op) {
      case "LOAD":
        return { ...ins, base: operand(ins.base), index: index(ins.index), offset: offset(ins.offset) };
      case "STORE":
        return { ...ins, src: operand(ins.src), base: operand(ins.base), index: index(ins.index), offset: offset(ins.offset) };
      case "LI":
        return { ...ins, value: word(ins.value) };
      case "MOV":
      case "UNARY":
        return { ...ins, src: operand(ins.src) };
      case "ALU":
        return { ...ins, a: operand(ins.a), b: operand(ins.b) };
      case "SEL":
        return { ...ins, cond: operand(ins.cond), a: operand(ins.a), b: operand(ins.b) };
      case "SHIFT": {
        const amount = ins.amount.kind === "imm" ? { kind: "imm" as const, value: immediate(ins.amount.value, "shift amount", 0, wordBits - 1) } : ins.amount;
        return { ...ins, src: operand(ins.src), amount };
      }
      case "JMP":
        return { ...ins, target: target(ins.target) };
      case "JZ":
      case "JNZ":
        return { ...ins, cond: operand(ins.cond), target: target(ins.target) };
      case "HALT":
        return ins;
    }
  });
  return {
    name: program.name,
    n,
    processors,
    memory,
    wordBits,
    registers: h.registers,
    outputStart,
    outputLength,
    stepBound,
    mode: h.mode,
    inputMin,
    inputMax,
    code,
    lines: program.code.map((_, k) => program.source?.instructions[k]?.line ?? 0),
  };
}
