import { match } from "ts-pattern";
import type { BinaryOp, Expr } from "./expr.js";

const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 3,
  "<=": 3,
  ">": 3,
  ">=": 3,
  "+": 4,
  "-": 4,
  "*": 5,
  "/": 5,
  "%": 5,
  "^": 7,
};
const UNARY = 6;

/** e in `.pram` syntax, with only the parentheses it needs: parseExpr(formatExpr(e)) deep-equals e. */
export function formatExpr(e: Expr): string {
  return format(e, 0);
}

function format(e: Expr, context: number): string {
  const wrap = (text: string, own: number) => (own < context ? `(${text})` : text);
  return match(e)
    .with({ kind: "int" }, (x) => wrap(String(x.value), x.value < 0 ? UNARY : 8))
    .with({ kind: "n" }, () => "n")
    .with({ kind: "unary" }, (x) => wrap(`${x.op}${format(x.arg, UNARY)}`, UNARY))
    .with({ kind: "binary" }, (x) => {
      const p = PRECEDENCE[x.op];
      // Left-associative operators need parentheses on a right operand of equal precedence; ^ is
      // right-associative; comparisons are non-associative, so both sides bind tighter.
      const left = x.op === "^" || p === 3 ? p + 1 : p;
      const right = x.op === "^" ? UNARY : p + 1;
      return wrap(`${format(x.left, left)} ${x.op} ${format(x.right, right)}`, p);
    })
    .with({ kind: "call" }, (x) => `${x.fn}(${x.args.map((a) => format(a, 0)).join(", ")})`)
    .exhaustive();
}
