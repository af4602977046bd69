import { match } from "ts-pattern";
import type { Comparison, LocalOp } from "./feature.js";

/**
 * The definition of each local op on integer inputs: what the evaluator computes, and what every compiled
 * gadget must reproduce exactly. Returns NaN where an input is outside the op's domain (the evaluator turns
 * that into an error naming the feature).
 */
export function applyLocal(op: LocalOp, x: readonly number[]): number {
  return match(op)
    .with({ op: "linear" }, ({ coefs, bias }) => {
      let s = bias;
      for (let k = 0; k < coefs.length; k++) s += coefs[k] * x[k];
      return s;
    })
    .with({ op: "relu" }, () => Math.max(0, x[0]))
    .with({ op: "compare" }, ({ cmp }) => (holds(cmp, x[0], x[1]) ? 1 : 0))
    .with({ op: "select" }, () => (x[0] === 1 ? x[1] : x[0] === 0 ? x[2] : NaN))
    .with({ op: "min" }, () => Math.min(x[0], x[1]))
    .with({ op: "max" }, () => Math.max(x[0], x[1]))
    .with({ op: "lookup" }, ({ table, base }) => {
      const k = x[0] - base;
      return k >= 0 && k < table.length ? table[k] : NaN;
    })
    .with({ op: "floorDiv" }, () => (x[1] >= 1 ? Math.floor(x[0] / x[1]) : NaN))
    .with({ op: "all" }, () => (x.some(notBit) ? NaN : x.every((b) => b === 1) ? 1 : 0))
    .with({ op: "any" }, () => (x.some(notBit) ? NaN : x.some((b) => b === 1) ? 1 : 0))
    .with({ op: "not" }, () => (notBit(x[0]) ? NaN : 1 - x[0]))
    .exhaustive();
}

const notBit = (b: number): boolean => b !== 0 && b !== 1;

function holds(cmp: Comparison, a: number, b: number): boolean {
  return match(cmp)
    .with("lt", () => a < b)
    .with("le", () => a <= b)
    .with("eq", () => a === b)
    .with("ne", () => a !== b)
    .with("gt", () => a > b)
    .with("ge", () => a >= b)
    .exhaustive();
}
