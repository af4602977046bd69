import type { Circuit } from "./circuit.js";

/** The measures the sampling theorems are stated in. */
export interface CircuitShape {
  /** Gates. */
  readonly size: number;
  /** Depth of every gate: 0 for RAND and constants, else one more than its deepest input. */
  readonly gateDepth: readonly number[];
  /** The largest gate depth. */
  readonly depth: number;
  /** The largest layer (gates of one depth). */
  readonly width: number;
  /**
   * The width of the leveled circuit (a wire that skips layers carried by identity gates): the most values
   * alive across one layer r, max_r #{g : depth(g) = r, or depth(g) < r and g has a reader deeper than r}.
   * Equal to `width` when every wire joins consecutive layers.
   */
  readonly leveledWidth: number;
  readonly randomBits: number;
  readonly outputs: number;
}

export function circuitShape(c: Circuit): CircuitShape {
  const gateDepth: number[] = [];
  for (const g of c.gates) gateDepth.push(g.inputs.reduce((d, i) => Math.max(d, gateDepth[i] + 1), 0));
  const depth = Math.max(...gateDepth);
  const layer = new Array<number>(depth + 1).fill(0);
  for (const d of gateDepth) layer[d] += 1;
  // A value of depth e read last at depth u is carried across layers e+1 … u−1.
  const carried = new Array<number>(depth + 2).fill(0);
  const lastRead = new Array<number>(c.gates.length).fill(-1);
  c.gates.forEach((g, j) => g.inputs.forEach((i) => (lastRead[i] = Math.max(lastRead[i], gateDepth[j]))));
  lastRead.forEach((u, i) => {
    for (let r = gateDepth[i] + 1; r < u; r++) carried[r] += 1;
  });
  return {
    size: c.gates.length,
    gateDepth,
    depth,
    width: Math.max(...layer),
    leveledWidth: Math.max(...layer.map((l, r) => l + carried[r])),
    randomBits: c.gates.filter((g) => g.op === "RAND").length,
    outputs: c.outputs.length,
  };
}
