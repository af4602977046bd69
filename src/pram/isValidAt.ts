import { evalExpr, ExprEvalError } from "./evalExpr.js";
import type { PramProgram } from "./pramProgram.js";

/** Whether the program is defined at input length n: n ≥ 1 and its `.valid` (if any) evaluates to non-zero. */
export function isValidAt(program: PramProgram, n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  if (program.header.valid === null) return true;
  try {
    return evalExpr(program.header.valid, n) !== 0;
  } catch (e) {
    if (e instanceof ExprEvalError) return false;
    throw e;
  }
}
