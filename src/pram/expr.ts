/**
 * An integer expression of the input length n, as written in a `.pram` header or a `{…}` immediate.
 * Parentheses are not kept; a negated integer literal is folded into a negative literal.
 */
export type Expr =
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "n" }
  | { readonly kind: "unary"; readonly op: UnaryOp; readonly arg: Expr }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "call"; readonly fn: ExprFunction; readonly args: readonly Expr[] };

export type UnaryOp = "-" | "!";
export type ArithmeticOp = "+" | "-" | "*" | "/" | "%" | "^";
export type ComparisonOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type LogicalOp = "&&" | "||";
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type ExprFunction = "log2" | "flog2" | "sqrt" | "min" | "max";

/** How many arguments each function takes. */
export const FUNCTION_ARITY: Readonly<Record<ExprFunction, number>> = { log2: 1, flog2: 1, sqrt: 1, min: 2, max: 2 };

/** −e, folding a literal: −(5) is the literal −5, so `[r1 - 5]` and an offset of −5 are the same Expr. */
export function negate(e: Expr): Expr {
  return e.kind === "int" ? { kind: "int", value: e.value === 0 ? 0 : -e.value } : { kind: "unary", op: "-", arg: e };
}

/** Whether e mentions n (a header value that must be constant, like `.registers`, may not). */
export function mentionsN(e: Expr): boolean {
  switch (e.kind) {
    case "int":
      return false;
    case "n":
      return true;
    case "unary":
      return mentionsN(e.arg);
    case "binary":
      return mentionsN(e.left) || mentionsN(e.right);
    case "call":
      return e.args.some(mentionsN);
  }
}

/** Whether e uses a comparison or logical operator (allowed only in `.valid`). */
export function isBoolean(e: Expr): boolean {
  switch (e.kind) {
    case "int":
    case "n":
      return false;
    case "unary":
      return e.op === "!" || isBoolean(e.arg);
    case "binary":
      return !["+", "-", "*", "/", "%", "^"].includes(e.op) || isBoolean(e.left) || isBoolean(e.right);
    case "call":
      return e.args.some(isBoolean);
  }
}
