import type { Circuit } from "../circuit/circuit.js";
import { attend, lin, matchTerms } from "../efasp/attend.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import { all, any, compare, constant, linear, lookup, not, select } from "../efasp/local.js";
import { position, token } from "../efasp/sources.js";
import { BIT_MASK, BIT_VOCAB } from "./bitVocabulary.js";
import { gateCode, gateValue, rangeScores } from "./gateValue.js";

/**
 * The chain-of-thought sampler of a circuit: position i holds gate i's bit (gates in the circuit's order,
 * by depth). At a masked position whose inputs are all unmasked, the token scores peak on the gate's value
 * — on both bits, exactly tied, for a RAND gate — and elsewhere on the mask (it stays masked).
 *
 *  - op, arity and input positions of gate i: lookup tables of the position (one MLP);
 *  - input k's bit and whether it is masked: one head matching key position = input position (score
 *    −(inₖ − j)², a unique winner at j = inₖ, at least 1 above every other key);
 *  - ready = no input it has is masked; the value by gateValue; scores by rangeScores.
 *
 * Decoded as an MDM (every mask takes its prediction, a seeded draw among ties) a gate of depth r unmasks
 * in round r + 1: steps = depth + 1, context = size. With `causal`, the same program is the ARM baseline:
 * each step appends one position, whose inputs are all earlier, so steps = size.
 */
export function gatePerPositionProgram(c: Circuit, causal: boolean): EfaspProgram {
  const S = c.gates.length;
  const pos = position("pos", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, S - 1);
  const posSq = position("pos²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, (S - 1) ** 2);
  const isMask = token("isMask", [1, 0, 0]);
  const bit = token("bit", [0, 0, 1]);
  const table = (name: string, f: (inputs: readonly number[], op: number) => number) => lookup(name, pos, c.gates.map((g) => f(g.inputs, gateCode(g.op))));
  const kind = table("op", (_, op) => op);
  const arity = table("arity", (inputs) => inputs.length);
  // An input a gate lacks reads position 0 (it exists, and `uses` ignores it).
  const inputs = [0, 1, 2].map((k) => {
    const at = table(`in${k}`, (ins) => ins[k] ?? 0);
    const [b, masked] = attend(`input ${k}`, matchTerms(1, lin([1, at]), pos, posSq), [bit, isMask]);
    const uses = compare(`has input ${k}`, "gt", arity, constant(k));
    return { b, waiting: all(`input ${k} masked`, [uses, masked]) };
  });
  const ready = not("ready", any("waiting", inputs.map((x) => x.waiting)));
  const { value, isRand } = gateValue(kind, inputs[0].b, inputs[1].b, inputs[2].b);
  // Token ids: M = 0, bit v = 1 + v. Ready: lo = 1 + (RAND ? 0 : v), hi = 1 + (RAND ? 1 : v); else M.
  const lo = select("lo", ready, linear("1+lo bit", [[1, all("lo bit", [value, not("¬RAND", isRand)])]], 1), constant(BIT_MASK));
  const hi = select("hi", ready, linear("1+hi bit", [[1, any("hi bit", [value, isRand])]], 1), constant(BIT_MASK));
  return {
    name: `${causal ? "ARM" : "MDM with CoT"} sampler of ${c.name}`,
    vocab: [...BIT_VOCAB],
    maskToken: BIT_MASK,
    output: { kind: "scores", features: rangeScores(BIT_VOCAB.length, lo, hi) },
    control: null,
    causal,
  };
}
