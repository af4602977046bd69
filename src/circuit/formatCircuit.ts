import type { Circuit } from "./circuit.js";

/** The circuit in the `.circuit` format, gates in its order; parseCircuit reads it back to the same circuit. */
export function formatCircuit(c: Circuit): string {
  const lines = c.gates.map((g) => `${g.name} = ${[g.op, ...g.inputs.map((i) => c.gates[i].name)].join(" ")}`);
  lines.push(`output ${c.outputs.map((i) => c.gates[i].name).join(" ")}`);
  return `${lines.join("\n")}\n`;
}
