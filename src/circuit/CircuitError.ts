import { UserError } from "../errors.js";
import { formatLocation, type SourceLocation } from "../pram/sourceLocation.js";

export type CircuitErrorKind = "syntax" | "unknown-op" | "arity" | "duplicate" | "undefined" | "cycle" | "no-outputs" | "parameter" | "too-large" | "unknown" | "file";

/** A bad circuit (text or built) or a bad library parameter: one line naming where and why. */
export class CircuitError extends UserError {
  constructor(
    readonly kind: CircuitErrorKind,
    readonly at: SourceLocation | null,
    reason: string,
  ) {
    super(`circuit/${kind}`, at ? `${formatLocation(at)}: ${reason}` : reason);
    this.name = "CircuitError";
  }
}
