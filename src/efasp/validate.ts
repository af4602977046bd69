import { match } from "ts-pattern";
import { affineDim } from "./affine.js";
import { isVirtual } from "./allocate.js";
import { EfaspError } from "./EfaspError.js";
import type { EfaspProgram } from "./efaspProgram.js";
import type { Feature, Head, Linear, LocalFeature } from "./feature.js";
import { gadget } from "./gadget.js";
import { topoOrder } from "./topoOrder.js";

/**
 * Float64 holds every integer of magnitude ≤ 2^53, so a sum or product of such integers is exact as long
 * as its exact value stays within it. The compiled model adds and multiplies integer weights and integer
 * activations only; every bound below is on the exact value of a partial sum, in any summation order.
 */
export const EXACT_LIMIT = 2 ** 53;

/**
 * The longest sequence a compiled model is proven exact on: an average-hard head adds up to this many
 * tied values before dividing by their count, so values are limited to EXACT_LIMIT / MAX_CONTEXT = 2^33.
 */
export const MAX_CONTEXT = 2 ** 20;

const magnitude = (f: Feature) => Math.max(Math.abs(f.lo), Math.abs(f.hi));

/**
 * Pass 1: rejects, with the reason, what cannot be compiled exactly, and returns the features in
 * evaluation order. Structure: an empty vocabulary, a mask token outside it, a token table of the wrong
 * length, a code output whose bounds leave the token ids, a scores output without one feature per token,
 * control outputs that are not bits. Numbers: with reach(f) a bound on every partial sum of f as the weights
 * read it — |f| for a feature with its own dimension, Σ|c|·reach(input) + |bias| for a virtual (linear) one,
 * whose flattened form may add large terms even when assume() narrowed its bounds — each of these stays
 * below EXACT_LIMIT: every feature; every gadget unit's pre-activation Σ|w|·reach + |b| and the gadget's
 * output Σ|weight|·pre + |bias|; every head's score Σ_t reach(q_t)·reach(k_t) and MAX_CONTEXT × each value;
 * the output logits (code: 2(V−1)·reach(s) + (V−1)²; scores: reach; control: 2·reach + 1).
 */
export function validate(program: EfaspProgram): Feature[] {
  const fail = (reason: string): never => {
    throw new EfaspError(`cannot compile ${program.name}: ${reason}`);
  };
  const within = (what: string, bound: number) => {
    if (!(bound < EXACT_LIMIT)) fail(`${what} could reach ${bound}, beyond 2^53 where float64 stops being exact`);
  };
  const V = program.vocab.length;
  if (V === 0) fail("the vocabulary is empty");
  if (!(Number.isInteger(program.maskToken) && program.maskToken >= 0 && program.maskToken < V)) {
    fail(`the mask token ${program.maskToken} is not a token id 0..${V - 1}`);
  }
  const order = topoOrder(program);
  const reach = new Map<number, number>();
  const linearReach = (x: Linear) => x.terms.reduce((s, [c, f]) => s + Math.abs(c) * reach.get(f.id)!, Math.abs(x.bias));
  const gadgetReach = (f: LocalFeature): number => {
    const g = gadget(f, f.inputs.map((_, k) => affineDim(k)));
    let out = Math.abs(g.bias);
    for (const u of g.units) {
      let pre = Math.abs(u.input.bias);
      for (const [k, w] of u.input.terms) pre += Math.abs(w) * reach.get(f.inputs[k].id)!;
      within(`a hidden unit of ${f.name} (${f.op.op})`, pre);
      out += Math.abs(u.weight) * pre;
    }
    within(`the MLP sum of ${f.name} (${f.op.op})`, out);
    return magnitude(f);
  };
  const checked = new Set<number>();
  const checkHead = (h: Head) => {
    if (checked.has(h.id)) return;
    checked.add(h.id);
    within(`a score of head ${h.name}`, h.score.reduce((s, t) => s + linearReach(t.q) * linearReach(t.k), 0));
    for (const v of h.values) within(`the sum of ${MAX_CONTEXT} values ${v.name} of head ${h.name}`, MAX_CONTEXT * reach.get(v.id)!);
  };
  for (const f of order) {
    const r = match(f)
      .with({ kind: "token" }, (t) => {
        if (t.table.length !== V) fail(`token feature ${t.name} has a table of ${t.table.length} values for ${V} tokens`);
        return magnitude(t);
      })
      .with({ kind: "position" }, magnitude)
      .with({ kind: "aggregate" }, (a) => {
        checkHead(a.head);
        return magnitude(a);
      })
      .with({ kind: "local" }, (l) =>
        !isVirtual(l)
          ? gadgetReach(l)
          : l.op.op === "linear"
            ? linearReach({ terms: l.op.coefs.map((c, k) => [c, l.inputs[k]] as const), bias: l.op.bias })
            : 1 + reach.get(l.inputs[0].id)!,
      )
      .exhaustive();
    within(`feature ${f.name} [${f.lo}, ${f.hi}]`, r);
    reach.set(f.id, r);
  }
  if (program.output.kind === "code") {
    const s = program.output.feature;
    if (s.lo < 0 || s.hi >= V) fail(`the output ${s.name} has bounds [${s.lo}, ${s.hi}] outside the token ids 0..${V - 1}`);
    within(`the token logits 2v·${s.name} − v²`, 2 * (V - 1) * reach.get(s.id)! + (V - 1) ** 2);
  } else {
    if (program.output.features.length !== V) fail(`${program.output.features.length} score features for ${V} tokens`);
    for (const f of program.output.features) within(`the token logit ${f.name}`, reach.get(f.id)!);
  }
  for (const c of program.control ?? []) {
    if (c.lo < 0 || c.hi > 1) fail(`control ${c.name} has bounds [${c.lo}, ${c.hi}], not a bit`);
    within(`the control logit 2·${c.name} − 1`, 2 * reach.get(c.id)! + 1);
  }
  return order;
}
