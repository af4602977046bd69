import { applyGate, type Circuit } from "./circuit.js";

/** The circuit's outputs when its RAND gates, in gate order, take the given bits. */
export function evaluateCircuit(c: Circuit, randomBits: readonly number[]): number[] {
  const value = new Uint8Array(c.gates.length);
  let k = 0;
  c.gates.forEach((g, i) => {
    value[i] = g.op === "RAND" ? randomBits[k++] : applyGate(g.op, g.inputs.map((j) => value[j]));
  });
  if (k !== randomBits.length) throw new Error(`evaluateCircuit: ${randomBits.length} random bits for ${k} RAND gates`);
  return c.outputs.map((i) => value[i]);
}
