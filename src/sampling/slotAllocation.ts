import type { Circuit } from "../circuit/circuit.js";
import { circuitShape } from "../circuit/circuitShape.js";

/** Where the remasking sampler keeps each needed gate's bit. */
export interface SlotAllocation {
  /** The gates the outputs depend on (the only ones the sampler computes), in circuit order. */
  readonly needed: readonly number[];
  /** Per circuit gate: its slot (canvas position), or −1 when not needed. */
  readonly slot: readonly number[];
  /** Per circuit gate: the round its bit is last read in (the depth of its deepest needed reader); Infinity for an output. */
  readonly lastRead: readonly number[];
  /** Slots, i.e. the canvas length (and peak context) of the decode. */
  readonly slots: number;
  /** Depth of the deepest output: rounds 0 … D compute, round D + 1 cleans up. */
  readonly depth: number;
  readonly gateDepth: readonly number[];
}

/**
 * Assigns slots like registers. Gate g's bit is written in round depth(g) and remasked in round
 * lastRead(g) (read, in the same forward pass, by the gates that need it last); an output is never
 * remasked. So g holds its slot over the rounds [depth(g), lastRead(g)], and a slot freed in round u can
 * take a gate of depth > u. Taking gates by depth, each into the lowest slot free for it, is the greedy
 * colouring of an interval graph, which is optimal: slots = max_r #{g : depth(g) ≤ r ≤ lastRead(g)}
 * ≤ |layer r| + #{values carried into r} + outputs ≤ 2·leveledWidth + outputs.
 */
export function slotAllocation(c: Circuit): SlotAllocation {
  const { gateDepth } = circuitShape(c);
  const isNeeded = new Uint8Array(c.gates.length);
  for (const o of c.outputs) isNeeded[o] = 1;
  for (let g = c.gates.length - 1; g >= 0; g--) if (isNeeded[g]) for (const i of c.gates[g].inputs) isNeeded[i] = 1;
  const needed = c.gates.map((_, g) => g).filter((g) => isNeeded[g]);
  const lastRead = new Array<number>(c.gates.length).fill(-1);
  for (const g of needed) for (const i of c.gates[g].inputs) lastRead[i] = Math.max(lastRead[i], gateDepth[g]);
  for (const o of c.outputs) lastRead[o] = Infinity;
  const slot = new Array<number>(c.gates.length).fill(-1);
  const freeFrom: number[] = []; // per slot: the first round it may be written again
  for (const g of needed) {
    let s = freeFrom.findIndex((r) => r <= gateDepth[g]);
    if (s < 0) s = freeFrom.push(0) - 1;
    slot[g] = s;
    freeFrom[s] = lastRead[g] + 1;
  }
  return { needed, slot, lastRead, slots: freeFrom.length, depth: Math.max(...c.outputs.map((o) => gateDepth[o])), gateDepth };
}
