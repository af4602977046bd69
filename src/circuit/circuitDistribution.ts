import { rational } from "../plot/rational.js";
import type { Distribution } from "../sampling/distribution.js";
import { addScaled } from "../sampling/distribution.js";
import type { Circuit } from "./circuit.js";
import { CircuitError } from "./CircuitError.js";
import { evaluateCircuit } from "./evaluateCircuit.js";

/** Most RAND gates whose 2^k assignments circuitDistribution enumerates. */
export const MAX_ENUMERATED_BITS = 20;

/** The circuit's exact output distribution: every assignment of its k random bits, each of probability 2^−k. */
export function circuitDistribution(c: Circuit): Distribution {
  const k = c.gates.filter((g) => g.op === "RAND").length;
  if (k > MAX_ENUMERATED_BITS) throw new CircuitError("too-large", null, `${c.name} has ${k} random bits; exact distributions enumerate at most ${MAX_ENUMERATED_BITS}`);
  const out = new Map();
  const bits = new Array<number>(k);
  const p = rational(1n, 1n << BigInt(k));
  for (let a = 0; a < 2 ** k; a++) {
    for (let j = 0; j < k; j++) bits[j] = (a >> j) & 1;
    addScaled(out, new Map([[evaluateCircuit(c, bits).join(""), rational(1n, 1n)]]), p);
  }
  return out;
}
