import type { Circuit } from "../circuit/circuit.js";
import { attend, bonus, lin, matchTerms } from "../efasp/attend.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import { all, any, compare, constant, linear, lookup, not, select } from "../efasp/local.js";
import { position, token } from "../efasp/sources.js";
import { gateCode, gateValue, rangeScores } from "./gateValue.js";
import { type SlotAllocation, slotAllocation } from "./slotAllocation.js";

export interface RemaskSampler {
  readonly program: EfaspProgram;
  readonly allocation: SlotAllocation;
  /** Token of needed gate k (its index in allocation.needed) holding bit v: 1 + 2k + v; 0 is the mask. */
  readonly tokenOf: (k: number, v: number) => number;
  /** The circuit gate and bit a token holds (null for the mask). */
  readonly gateOf: (token: number) => { readonly gate: number; readonly bit: number } | null;
}

/**
 * The AP-MDM sampler with remasking: the canvas is `slots` positions (slotAllocation), each token names
 * its gate and bit (`x=1`), so a slot can hold different gates over time. Round r is read off the canvas:
 * r = 1 + the largest depth of a gate on it (−1 + 1 = 0 when all masked), one head whose winners all have
 * that depth. Then, in one forward pass:
 *
 *  - a mask in the slot of a gate h of depth r (a lookup of slot·(D + 2) + r) predicts h's token: its
 *    inputs are found by matching gate ids (−(in − id_j)², a unique winner: every input of h is on the
 *    canvas in round r, once), its bit by gateValue, both bits tied for RAND; other masks predict the mask;
 *    an absent input matches id −1, i.e. the masks, which all hold bit 0, so the mean is exact;
 *  - a bit whose gate is last read in round r remasks (outputs never do): its slot is free from round r + 1;
 *  - in round D + 1 (everything computed) every mask deletes, leaving the output bits.
 *
 * Steps: rounds 0 … D, the cleanup, and the checking step: D + 3. Peak context: the slots.
 */
export function remaskProgram(c: Circuit): RemaskSampler {
  const allocation = slotAllocation(c);
  const { needed, slot, lastRead, slots: K, depth: D, gateDepth } = allocation;
  const m = needed.length;
  const V = 1 + 2 * m;
  const tokenOf = (k: number, v: number) => 1 + 2 * k + v;
  const gateOfToken = (t: number) => (t === 0 ? -1 : needed[(t - 1) >> 1]);
  const vocabTable = (name: string, mask: number, f: (g: number, v: number, k: number) => number) =>
    token(name, Array.from({ length: V }, (_, t) => (t === 0 ? mask : f(gateOfToken(t), (t - 1) & 1, (t - 1) >> 1))));
  const isMask = vocabTable("isMask", 1, () => 0);
  const id = vocabTable("gate id", -1, (_g, _v, k) => k);
  const idSq = vocabTable("gate id²", 1, (_g, _v, k) => k * k);
  const bit = vocabTable("bit", 0, (_g, v) => v);
  const dep = vocabTable("depth", -1, (g) => gateDepth[g]);
  const last = vocabTable("last read", -1, (g) => (lastRead[g] === Infinity ? D + 2 : lastRead[g]));
  const pos = position("slot", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, K - 1);

  const [latest] = attend("latest depth", [bonus(1, dep)], [dep]);
  const round = linear("round", [[1, latest]], 1);
  // Which needed gate (index k) this slot computes in this round, −1 for none.
  const atKey = new Array<number>(K * (D + 2)).fill(-1);
  needed.forEach((g, k) => (atKey[slot[g] * (D + 2) + gateDepth[g]] = k));
  const h = lookup("gate here", linear("slot·(D+2)+round", [[D + 2, pos], [1, round]]), atKey);
  const perGate = (name: string, f: (g: number) => number) => lookup(name, h, [f(-1), ...needed.map(f)], -1);
  const kind = perGate("op", (g) => (g < 0 ? gateCode("ZERO") : gateCode(c.gates[g].op)));
  const kOf = new Map(needed.map((g, k) => [g, k]));
  const ins = [0, 1, 2].map((j) => {
    const at = perGate(`in${j}`, (g) => (g < 0 || c.gates[g].inputs[j] === undefined ? -1 : kOf.get(c.gates[g].inputs[j])!));
    return attend(`input ${j}`, matchTerms(1, lin([1, at]), id, idSq), [bit])[0];
  });
  const { value, isRand } = gateValue(kind, ins[0], ins[1], ins[2]);
  const computes = compare("computes", "ge", h, constant(0));
  const base = linear("1+2h", [[2, h]], 1);
  const lo = select("lo", computes, linear("lo token", [[1, base], [1, all("lo bit", [value, not("¬RAND", isRand)])]]), constant(0));
  const hi = select("hi", computes, linear("hi token", [[1, base], [1, any("hi bit", [value, isRand])]]), constant(0));
  const remask = all("remask", [not("unmasked", isMask), compare("last read now", "eq", last, round)]);
  const del = all("delete", [isMask, compare("cleanup", "eq", round, constant(D + 1))]);

  const vocab = Array.from({ length: V }, (_, t) => (t === 0 ? "M" : `${c.gates[gateOfToken(t)].name}=${(t - 1) & 1}`));
  const program: EfaspProgram = {
    name: `AP-MDM remasking sampler of ${c.name}`,
    vocab,
    maskToken: 0,
    output: { kind: "scores", features: rangeScores(V, lo, hi) },
    control: [remask, constant(0, "no insert"), del],
    causal: false,
  };
  return { program, allocation, tokenOf, gateOf: (t) => (t === 0 ? null : { gate: gateOfToken(t), bit: (t - 1) & 1 }) };
}
