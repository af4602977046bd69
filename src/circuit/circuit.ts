import type { SourceLocation } from "../pram/sourceLocation.js";

/** What a gate computes. RAND is a fair random bit; ZERO and ONE are constants. */
export type GateOp = "RAND" | "ZERO" | "ONE" | "NOT" | "AND" | "OR" | "XOR" | "MAJ";

/** Inputs each op takes. */
export const ARITY: Readonly<Record<GateOp, number>> = { RAND: 0, ZERO: 0, ONE: 0, NOT: 1, AND: 2, OR: 2, XOR: 2, MAJ: 3 };

export interface Gate {
  readonly name: string;
  readonly op: GateOp;
  /** Indices of the input gates, each smaller than this gate's own index. */
  readonly inputs: readonly number[];
  /** Where the gate was defined (null for a circuit built in TypeScript). */
  readonly at: SourceLocation | null;
}

/**
 * A boolean circuit over fair random bits: gates in a topological order (every input before its reader),
 * ordered by depth and then by definition order, and the output gates (a gate may be listed twice).
 */
export interface Circuit {
  readonly name: string;
  readonly gates: readonly Gate[];
  readonly outputs: readonly number[];
}

/** The value of one gate from its input values. */
export function applyGate(op: GateOp, x: readonly number[]): number {
  switch (op) {
    case "ZERO":
      return 0;
    case "ONE":
      return 1;
    case "RAND":
      throw new Error("applyGate: a RAND gate has no function; its bit comes from the random input");
    case "NOT":
      return 1 - x[0];
    case "AND":
      return x[0] & x[1];
    case "OR":
      return x[0] | x[1];
    case "XOR":
      return x[0] ^ x[1];
    case "MAJ":
      return x[0] + x[1] + x[2] >= 2 ? 1 : 0;
  }
}
