import { type BinaryOp, type Expr, type ExprFunction, FUNCTION_ARITY, negate } from "./expr.js";

/** A syntax error inside an expression, at a 0-based offset into the text that was parsed. */
export class ExprSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * How deep an expression may nest: both the parser's nesting (parentheses, unary operators, `^` chains,
 * calls) and the depth of the tree it builds (`1+1+…+1` is a tree as deep as it is long). Past it the
 * text is rejected with a syntax error instead of overflowing the stack of the recursive parser and
 * evaluator (docs/semantics.md, "Limits").
 */
export const MAX_EXPR_DEPTH = 200;

/** Parses the whole of `text` as an expression of n. */
export function parseExpr(text: string): Expr {
  const { expr, end } = parseExprPrefix(text, 0);
  const rest = skipSpace(text, end);
  if (rest < text.length) throw new ExprSyntaxError(rest, `unexpected '${text.slice(rest, rest + 2).trim()}' in expression`);
  return expr;
}

/**
 * Parses the longest expression starting at `start` and returns where it ended, so that a caller can go on
 * with a separator (`.output start, length`, `.input lo..hi`). Precedence, loosest first:
 * `||`, `&&`, comparisons (non-associative), `+ -`, `* / %`, unary `- !`, `^` (right-associative).
 */
export function parseExprPrefix(text: string, start: number): { expr: Expr; end: number } {
  let pos = start;
  const peek = (): string => {
    pos = skipSpace(text, pos);
    return text.slice(pos, pos + 2);
  };
  const take = (token: string): boolean => {
    if (!peek().startsWith(token)) return false;
    pos += token.length;
    return true;
  };
  const fail = (what: string): never => {
    const at = skipSpace(text, pos);
    const found = at < text.length ? `'${text[at]}'` : "the end";
    throw new ExprSyntaxError(at, `expected ${what}, found ${found}`);
  };
  const depth = new WeakMap<Expr, number>();
  const tooDeep = (): never => {
    throw new ExprSyntaxError(skipSpace(text, pos), `expression nested more than ${MAX_EXPR_DEPTH} deep (the limit on nesting)`);
  };
  const node = (e: Expr, children: readonly Expr[]): Expr => {
    const d = 1 + children.reduce((m, c) => Math.max(m, depth.get(c) ?? 1), 0);
    if (d > MAX_EXPR_DEPTH) tooDeep();
    depth.set(e, d);
    return e;
  };
  const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => node({ kind: "binary", op, left, right }, [left, right]);
  let nesting = 0;

  const or = (): Expr => {
    let e = and();
    while (take("||")) e = binary("||", e, and());
    return e;
  };
  const and = (): Expr => {
    let e = comparison();
    while (take("&&")) e = binary("&&", e, comparison());
    return e;
  };
  const comparison = (): Expr => {
    const e = additive();
    for (const op of ["==", "!=", "<=", ">=", "<", ">"] as const) if (take(op)) return binary(op, e, additive());
    return e;
  };
  const additive = (): Expr => {
    let e = multiplicative();
    for (;;) {
      if (take("+")) e = binary("+", e, multiplicative());
      else if (peek()[0] === "-") {
        pos += 1;
        e = binary("-", e, multiplicative());
      } else return e;
    }
  };
  const multiplicative = (): Expr => {
    let e = unary();
    for (;;) {
      const op = peek()[0];
      if (op !== "*" && op !== "/" && op !== "%") return e;
      pos += 1;
      e = binary(op, e, unary());
    }
  };
  const unary = (): Expr => {
    if (++nesting > MAX_EXPR_DEPTH) tooDeep();
    const e = unaryBody();
    nesting--;
    return e;
  };
  const unaryBody = (): Expr => {
    if (peek()[0] === "-") {
      pos += 1;
      const arg = unary();
      return node(negate(arg), [arg]);
    }
    if (peek()[0] === "!" && peek() !== "!=") {
      pos += 1;
      const arg = unary();
      return node({ kind: "unary", op: "!", arg }, [arg]);
    }
    return power();
  };
  const power = (): Expr => {
    const base = atom();
    return take("^") ? binary("^", base, unary()) : base;
  };
  const atom = (): Expr => {
    peek();
    const digits = /^(?:0[xX][0-9A-Fa-f]+|0[bB][01]+|\d+)/.exec(text.slice(pos));
    if (digits) {
      const value = Number(digits[0]);
      if (!Number.isSafeInteger(value)) throw new ExprSyntaxError(pos, `integer ${digits[0]} is not a safe integer`);
      pos += digits[0].length;
      return { kind: "int", value };
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (word) {
      const name = word[0];
      const at = pos;
      pos += name.length;
      if (name === "n") return { kind: "n" };
      if (!(name in FUNCTION_ARITY)) throw new ExprSyntaxError(at, `unknown name '${name}' (expressions use n, integers and log2, flog2, sqrt, min, max)`);
      const fn = name as ExprFunction;
      if (!take("(")) fail(`'(' after ${fn}`);
      const args = [or()];
      while (take(",")) args.push(or());
      if (!take(")")) fail("')'");
      if (args.length !== FUNCTION_ARITY[fn]) throw new ExprSyntaxError(at, `${fn} takes ${FUNCTION_ARITY[fn]} argument(s), got ${args.length}`);
      return node({ kind: "call", fn, args }, args);
    }
    if (take("(")) {
      const e = or();
      if (!take(")")) fail("')'");
      return e;
    }
    return fail("an integer, n, a function or '('");
  };

  const expr = or();
  return { expr, end: pos };
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
  return pos;
}
