import { type GateDefinition, assembleCircuit } from "./assembleCircuit.js";
import type { Circuit, GateOp } from "./circuit.js";

/** A gate of a circuit under construction, by name. */
export type Wire = string;

export interface CircuitBuilder {
  readonly rand: (name?: string) => Wire;
  readonly constant: (bit: 0 | 1, name?: string) => Wire;
  readonly not: (a: Wire, name?: string) => Wire;
  readonly and: (a: Wire, b: Wire, name?: string) => Wire;
  readonly or: (a: Wire, b: Wire, name?: string) => Wire;
  readonly xor: (a: Wire, b: Wire, name?: string) => Wire;
  readonly maj: (a: Wire, b: Wire, c: Wire, name?: string) => Wire;
  /** Checks and orders the circuit exactly as the parser does (assembleCircuit). */
  readonly finish: (outputs: readonly Wire[]) => Circuit;
}

/** A typed builder for circuits: each call adds one gate (named `g<k>` unless named) and returns its wire. */
export function buildCircuit(name: string): CircuitBuilder {
  const defs: GateDefinition[] = [];
  const gate = (op: GateOp, inputs: readonly Wire[], label?: string): Wire => {
    const gateName = label ?? `g${defs.length}`;
    defs.push({ name: gateName, op, inputs: inputs.map((x) => ({ name: x, at: null })), at: null });
    return gateName;
  };
  return {
    rand: (n) => gate("RAND", [], n),
    constant: (bit, n) => gate(bit === 1 ? "ONE" : "ZERO", [], n),
    not: (a, n) => gate("NOT", [a], n),
    and: (a, b, n) => gate("AND", [a, b], n),
    or: (a, b, n) => gate("OR", [a, b], n),
    xor: (a, b, n) => gate("XOR", [a, b], n),
    maj: (a, b, c, n) => gate("MAJ", [a, b, c], n),
    finish: (outputs) => assembleCircuit(name, defs, outputs.map((o) => ({ name: o, at: null }))),
  };
}
