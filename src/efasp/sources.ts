import type { PositionFeature } from "../transformer/positionFeature.js";
import { EfaspError } from "./EfaspError.js";
import type { PositionFeatureNode, TokenFeature } from "./feature.js";
import { nextId } from "./nextId.js";
import { minOf, maxOf } from "../minMax.js";

/** A feature that is a function of the token at the same position: table[tokenId]. */
export function token(name: string, table: readonly number[]): TokenFeature {
  if (table.length === 0) throw new EfaspError(`token feature ${name}: empty table`);
  for (const v of table) {
    if (!Number.isSafeInteger(v)) throw new EfaspError(`token feature ${name}: table value ${v} is not a safe integer`);
  }
  return { kind: "token", id: nextId(), name, table, lo: minOf(table), hi: maxOf(table) };
}

/**
 * A position feature with declared bounds (they depend on the sequence lengths the program is used at;
 * the evaluator checks them at every position).
 */
export function position(name: string, spec: PositionFeature, lo: number, hi: number): PositionFeatureNode {
  if (!(Number.isSafeInteger(lo) && Number.isSafeInteger(hi) && lo <= hi)) {
    throw new EfaspError(`position feature ${name}: bad bounds [${lo}, ${hi}]`);
  }
  if ((spec.kind === "index" || spec.kind === "bit") && !(Number.isSafeInteger(spec.divisor) && spec.divisor >= 1)) {
    throw new EfaspError(`position feature ${name}: divisor must be a positive integer`);
  }
  if ((spec.kind === "index" || spec.kind === "bit") && spec.modulus !== null && !(Number.isSafeInteger(spec.modulus) && spec.modulus >= 1)) {
    throw new EfaspError(`position feature ${name}: modulus must be a positive integer`);
  }
  return { kind: "position", id: nextId(), name, spec, lo, hi };
}
