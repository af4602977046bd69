import type { SourceLocation } from "../pram/sourceLocation.js";
import { ARITY, type Circuit, type Gate, type GateOp } from "./circuit.js";
import { CircuitError } from "./CircuitError.js";

/** A gate as written: inputs by name, in any order of definition. */
export interface GateDefinition {
  readonly name: string;
  readonly op: GateOp;
  readonly inputs: readonly { readonly name: string; readonly at: SourceLocation | null }[];
  readonly at: SourceLocation | null;
}

/** Circuits larger than this are rejected (the samplers' lookup tables grow with the size). */
export const MAX_GATES = 100_000;

/**
 * The one place a circuit is checked, for the parser and the TS builder alike: unique names, known arity,
 * defined inputs, no cycle, at least one output. Gates are then ordered by depth (RAND and constants at
 * depth 0, a gate one deeper than its deepest input) and, within a depth, by definition order.
 */
export function assembleCircuit(
  name: string,
  defs: readonly GateDefinition[],
  outputs: readonly { readonly name: string; readonly at: SourceLocation | null }[],
  where: SourceLocation | null = null,
): Circuit {
  if (defs.length > MAX_GATES) throw new CircuitError("too-large", where, `${defs.length} gates; at most ${MAX_GATES}`);
  const index = new Map<string, number>();
  defs.forEach((d, i) => {
    const first = index.get(d.name);
    if (first !== undefined) {
      const line = defs[first].at ? ` (first defined on line ${defs[first].at!.line})` : "";
      throw new CircuitError("duplicate", d.at, `gate '${d.name}' is defined twice${line}`);
    }
    if (d.inputs.length !== ARITY[d.op]) {
      throw new CircuitError("arity", d.at, `${d.op} takes ${ARITY[d.op]} input${ARITY[d.op] === 1 ? "" : "s"}, gate '${d.name}' has ${d.inputs.length}`);
    }
    index.set(d.name, i);
  });
  const inputIds = defs.map((d) =>
    d.inputs.map((x) => {
      const j = index.get(x.name);
      if (j === undefined) throw new CircuitError("undefined", x.at ?? d.at, `gate '${d.name}' reads '${x.name}', which is not defined`);
      return j;
    }),
  );
  if (outputs.length === 0) throw new CircuitError("no-outputs", where, "the circuit has no outputs (add a line 'output NAME …')");
  const outputIds = outputs.map((o) => {
    const j = index.get(o.name);
    if (j === undefined) throw new CircuitError("undefined", o.at, `output '${o.name}' is not a gate`);
    return j;
  });
  const depth = depthsOf(defs, inputIds);
  const order = defs.map((_, i) => i).sort((a, b) => depth[a] - depth[b] || a - b);
  const renumber = new Int32Array(defs.length);
  order.forEach((old, i) => (renumber[old] = i));
  const gates: Gate[] = order.map((old) => ({ name: defs[old].name, op: defs[old].op, inputs: inputIds[old].map((j) => renumber[j]), at: defs[old].at }));
  return { name, gates, outputs: outputIds.map((j) => renumber[j]) };
}

/** Depth of every gate by an iterative depth-first search; a cycle is an error naming its gates. */
function depthsOf(defs: readonly GateDefinition[], inputs: readonly (readonly number[])[]): number[] {
  const depth = new Array<number>(defs.length).fill(-1);
  const state = new Uint8Array(defs.length); // 0 new, 1 on the stack, 2 done
  for (let root = 0; root < defs.length; root++) {
    if (state[root] === 2) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [g, k] = top;
      if (k < inputs[g].length) {
        top[1] += 1;
        const x = inputs[g][k];
        if (state[x] === 1) {
          const names = stack.slice(stack.findIndex(([s]) => s === x)).map(([s]) => defs[s].name);
          throw new CircuitError("cycle", defs[x].at, `the gates ${[...names, defs[x].name].join(" → ")} form a cycle`);
        }
        if (state[x] === 0) {
          state[x] = 1;
          stack.push([x, 0]);
        }
      } else {
        depth[g] = inputs[g].reduce((d, x) => Math.max(d, depth[x] + 1), 0);
        state[g] = 2;
        stack.pop();
      }
    }
  }
  return depth;
}
