import { match } from "ts-pattern";
import type { Expr } from "./expr.js";

/** An expression that has no integer value at this n (log2(0), division by zero, an unsafe integer, …). */
export class ExprEvalError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The exact integer value of e at input length n. Every intermediate result must be a safe integer.
 * `/` is floor division, `%` the remainder in [0, |b|), `^` a power with a non-negative exponent,
 * log2 = ⌈log₂ x⌉ and flog2 = ⌊log₂ x⌋ for x ≥ 1, sqrt = ⌊√x⌋ for x ≥ 0; comparisons and `&& || !` give
 * 0 or 1 (any non-zero operand counts as true).
 */
export function evalExpr(e: Expr, n: number): number {
  const value = (x: Expr): number => evalExpr(x, n);
  return match(e)
    .with({ kind: "int" }, (x) => x.value)
    .with({ kind: "n" }, () => n)
    .with({ kind: "unary" }, (x) => (x.op === "-" ? safe(-value(x.arg)) : value(x.arg) === 0 ? 1 : 0))
    .with({ kind: "binary" }, (x) => {
      const a = value(x.left);
      if (x.op === "&&") return a !== 0 && value(x.right) !== 0 ? 1 : 0;
      if (x.op === "||") return a !== 0 || value(x.right) !== 0 ? 1 : 0;
      const b = value(x.right);
      return match(x.op)
        .with("+", () => safe(a + b))
        .with("-", () => safe(a - b))
        .with("*", () => safe(a * b))
        .with("/", () => floorDiv(a, b))
        .with("%", () => floorMod(a, b))
        .with("^", () => power(a, b))
        .with("==", () => (a === b ? 1 : 0))
        .with("!=", () => (a !== b ? 1 : 0))
        .with("<", () => (a < b ? 1 : 0))
        .with("<=", () => (a <= b ? 1 : 0))
        .with(">", () => (a > b ? 1 : 0))
        .with(">=", () => (a >= b ? 1 : 0))
        .exhaustive();
    })
    .with({ kind: "call" }, (x) => {
      const args = x.args.map(value);
      return match(x.fn)
        .with("log2", () => log2(args[0], "ceil"))
        .with("flog2", () => log2(args[0], "floor"))
        .with("sqrt", () => floorSqrt(args[0]))
        .with("min", () => Math.min(args[0], args[1]))
        .with("max", () => Math.max(args[0], args[1]))
        .exhaustive();
    })
    .exhaustive();
}

/** The true result when it is a safe integer (a float result past 2^53 is past it too: the check is exact). */
function safe(v: number): number {
  if (!Number.isSafeInteger(v)) throw new ExprEvalError(`result ${v} is not a safe integer`);
  return v === 0 ? 0 : v;
}

function floorDiv(a: number, b: number): number {
  if (b === 0) throw new ExprEvalError(`division by zero (${a} / 0)`);
  const q = BigInt(a) / BigInt(b);
  const exact = q * BigInt(b) === BigInt(a);
  return safe(Number(!exact && a < 0 !== b < 0 ? q - 1n : q));
}

/** a mod |b| in [0, |b|), computed over BigInt: a − |b|·⌊a/|b|⌋ in float64 loses low bits past 2^53. */
function floorMod(a: number, b: number): number {
  if (b === 0) throw new ExprEvalError(`division by zero (${a} % 0)`);
  const m = BigInt(Math.abs(b));
  const r = BigInt(a) % m;
  return Number(r < 0n ? r + m : r);
}

function power(a: number, b: number): number {
  if (b < 0) throw new ExprEvalError(`${a}^${b} is not an integer (negative exponent)`);
  if (Math.abs(a) >= 2 && b > 53) throw new ExprEvalError(`${a}^${b} is not a safe integer`);
  const v = BigInt(a) ** BigInt(b);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new ExprEvalError(`${a}^${b} is not a safe integer`);
  return Number(v);
}

function log2(x: number, round: "ceil" | "floor"): number {
  if (x < 1) throw new ExprEvalError(`${round === "ceil" ? "log2" : "flog2"}(${x}) is undefined (needs x ≥ 1)`);
  let k = 0;
  while (2 ** (k + 1) <= x) k++; // k = ⌊log₂ x⌋ (powers of two are exact in float64)
  return round === "floor" || 2 ** k === x ? k : k + 1;
}

function floorSqrt(x: number): number {
  if (x < 0) throw new ExprEvalError(`sqrt(${x}) is undefined (needs x ≥ 0)`);
  let r = Math.floor(Math.sqrt(x));
  while (BigInt(r) * BigInt(r) > BigInt(x)) r--;
  while (BigInt(r + 1) * BigInt(r + 1) <= BigInt(x)) r++;
  return r;
}
