import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { evalExpr, ExprEvalError } from "../../src/pram/evalExpr.js";
import { ExprSyntaxError, MAX_EXPR_DEPTH, parseExpr } from "../../src/pram/parseExpr.js";

const value = (text: string): number => evalExpr(parseExpr(text), 0);
const join = (count: number, item: string, sep: string): string => Array.from({ length: count }, () => item).join(sep);

describe("expression arithmetic is exact for every value it accepts", () => {
  it("% of a large negative operand (issue 10 reproducer)", () => {
    expect(value("(0 - 9007199254740991) % 5")).toBe(4);
    expect(value("(0 - 9007199254740991) % 3")).toBe(2);
    expect(value("9007199254740991 % (0 - 7)")).toBe(Number(9007199254740991n % 7n));
  });

  test.prop([fc.maxSafeInteger(), fc.maxSafeInteger().filter((b) => b !== 0)], { seed: 10 })("% and / agree with BigInt floor division", (a, b) => {
    const m = BigInt(Math.abs(b));
    const r = ((BigInt(a) % m) + m) % m;
    expect(value(`(${a}) % (${b})`)).toBe(Number(r));
    const q = (BigInt(a) - ((BigInt(a) % BigInt(b)) + BigInt(b)) % BigInt(b)) / BigInt(b);
    expect(value(`(${a}) / (${b})`)).toBe(Number(q));
  });

  test.prop([fc.maxSafeInteger(), fc.maxSafeInteger(), fc.constantFrom("+", "-", "*")], { seed: 10 })("+ - * give the exact result or reject it", (a, b, op) => {
    const exact = op === "+" ? BigInt(a) + BigInt(b) : op === "-" ? BigInt(a) - BigInt(b) : BigInt(a) * BigInt(b);
    const text = `(${a}) ${op} (${b})`;
    if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) expect(() => value(text)).toThrow(ExprEvalError);
    else expect(value(text)).toBe(Number(exact));
  });

  it("% by zero is an evaluation error, not NaN", () => {
    expect(() => value("5 % 0")).toThrow(ExprEvalError);
  });
});

describe("expression nesting is limited, with a syntax error instead of a stack overflow", () => {
  const deep: readonly [string, string][] = [
    ["1,500 nested parentheses", `${"(".repeat(1500)}1${")".repeat(1500)}`],
    ["3,000 unary minus signs", `${"- ".repeat(3000)}1`],
    ["3,000 unary !", `${"!".repeat(3000)}1`],
    ["1^1^… with 3,000 terms", join(3000, "1", "^")],
    ["500 nested min(", `${"min(".repeat(500)}1${",1)".repeat(500)}`],
    ["1+1+… with 3,000 terms", join(3000, "1", "+")],
  ];
  it.each(deep)("%s", (_, text) => {
    expect(() => parseExpr(text)).toThrow(ExprSyntaxError);
    expect(() => parseExpr(text)).toThrow(`nested more than ${MAX_EXPR_DEPTH} deep`);
  });

  it("nesting up to the limit parses and evaluates", () => {
    const depth = MAX_EXPR_DEPTH - 1;
    expect(value(`${"(".repeat(depth)}1${")".repeat(depth)}`)).toBe(1);
    expect(value(join(MAX_EXPR_DEPTH, "1", "+"))).toBe(MAX_EXPR_DEPTH);
    expect(value(`${"-".repeat(MAX_EXPR_DEPTH - 1)}1`)).toBe(-1);
  });
});
