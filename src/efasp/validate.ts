import { EfaspError } from "./EfaspError.js";
import type { EfaspProgram } from "./efaspProgram.js";
import type { Feature, Linear } from "./feature.js";
import { topoOrder } from "./topoOrder.js";

/** Every number a compiled model computes must stay below this in magnitude (float64 integers are exact to 2^53). */
export const EXACT_LIMIT = 2 ** 52;

const magnitude = (f: Feature) => Math.max(Math.abs(f.lo), Math.abs(f.hi));
const linearMagnitude = (x: Linear) => x.terms.reduce((s, [c, f]) => s + Math.abs(c) * magnitude(f), Math.abs(x.bias));

/**
 * Pass 1: rejects, with the reason, what cannot be compiled exactly: a feature, a score or a gadget's
 * intermediate that could reach 2^52; a code output whose bounds leave the vocabulary; a scores output
 * without one feature per token; control outputs that are not bits. Returns the features in evaluation order.
 */
export function validate(program: EfaspProgram): Feature[] {
  const fail = (reason: string): never => {
    throw new EfaspError(`cannot compile ${program.name}: ${reason}`);
  };
  const V = program.vocab.length;
  const order = topoOrder(program);
  const heads = new Set<number>();
  for (const f of order) {
    if (magnitude(f) >= EXACT_LIMIT / 4) fail(`feature ${f.name} has bounds [${f.lo}, ${f.hi}], too wide to stay exact`);
    if (f.kind === "aggregate" && !heads.has(f.head.id)) {
      heads.add(f.head.id);
      const spread = f.head.score.reduce((s, t) => s + linearMagnitude(t.q) * linearMagnitude(t.k), 0);
      if (spread >= EXACT_LIMIT) fail(`head ${f.head.name} has scores up to ${spread}, beyond exact float64 integers`);
    }
  }
  if (program.output.kind === "code") {
    const s = program.output.feature;
    if (s.lo < 0 || s.hi >= V) fail(`the output ${s.name} has bounds [${s.lo}, ${s.hi}] outside the token ids 0..${V - 1}`);
  } else if (program.output.features.length !== V) fail(`${program.output.features.length} score features for ${V} tokens`);
  for (const c of program.control ?? []) if (c.lo < 0 || c.hi > 1) fail(`control ${c.name} has bounds [${c.lo}, ${c.hi}], not a bit`);
  return order;
}
