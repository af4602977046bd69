import fc from "fast-check";
import { buildCircuit, type Wire } from "./buildCircuit.js";
import { ARITY, type Circuit, type GateOp } from "./circuit.js";

const OPS: readonly GateOp[] = ["RAND", "ZERO", "ONE", "NOT", "AND", "OR", "XOR", "MAJ"];

export interface ArbitraryCircuitLimits {
  readonly maxRandom: number;
  readonly maxGates: number;
  readonly maxOutputs: number;
}

/**
 * Random circuits for property tests: 1 … maxRandom RAND gates, then up to maxGates gates of any op
 * (constants included; a RAND beyond maxRandom in all becomes a NOT), each reading earlier gates chosen at random (so any shape: long wires, fan-out,
 * unused gates), and 1 … maxOutputs outputs (repeats allowed). Shrinks towards fewer, simpler gates.
 */
export function arbitraryCircuit(limits: ArbitraryCircuitLimits = { maxRandom: 4, maxGates: 10, maxOutputs: 4 }): fc.Arbitrary<Circuit> {
  const gate = fc.record({ op: fc.constantFrom(...OPS), picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }) });
  return fc
    .record({
      random: fc.integer({ min: 1, max: limits.maxRandom }),
      gates: fc.array(gate, { maxLength: limits.maxGates }),
      outputs: fc.array(fc.nat(), { minLength: 1, maxLength: limits.maxOutputs }),
    })
    .map(({ random, gates, outputs }) => {
      const b = buildCircuit("generated");
      const wires: Wire[] = Array.from({ length: random }, () => b.rand());
      let randoms = random;
      for (const { op: drawn, picks } of gates) {
        const op = drawn === "RAND" && randoms >= limits.maxRandom ? "NOT" : drawn;
        if (op === "RAND") randoms += 1;
        const ins = picks.slice(0, ARITY[op]).map((p) => wires[p % wires.length]);
        const add: Record<GateOp, () => Wire> = {
          RAND: () => b.rand(),
          ZERO: () => b.constant(0),
          ONE: () => b.constant(1),
          NOT: () => b.not(ins[0]),
          AND: () => b.and(ins[0], ins[1]),
          OR: () => b.or(ins[0], ins[1]),
          XOR: () => b.xor(ins[0], ins[1]),
          MAJ: () => b.maj(ins[0], ins[1], ins[2]),
        };
        wires.push(add[op]());
      }
      return b.finish(outputs.map((o) => wires[o % wires.length]));
    });
}
