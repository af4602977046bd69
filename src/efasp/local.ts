import { EfaspError } from "./EfaspError.js";
import type { Comparison, Feature, LocalFeature, LocalOp } from "./feature.js";
import { nextId } from "./nextId.js";
import { minOf, maxOf } from "../minMax.js";

/**
 * Builders for local (position-wise) features. Each computes its output bounds from its inputs' bounds by
 * interval arithmetic, and rejects inputs outside an op's domain (non-bits to boolean ops, a lookup index
 * that may leave its table) when the program is built, not when it runs.
 */
function local(name: string, op: LocalOp, inputs: readonly Feature[], lo: number, hi: number): LocalFeature {
  if (!(Number.isSafeInteger(lo) && Number.isSafeInteger(hi))) {
    throw new EfaspError(`${name}: bounds [${lo}, ${hi}] are not safe integers`);
  }
  return { kind: "local", id: nextId(), name, op, inputs, lo, hi };
}

function requireBit(name: string, x: Feature): void {
  if (x.lo < 0 || x.hi > 1) throw new EfaspError(`${name}: input ${x.name} has bounds [${x.lo}, ${x.hi}], not a bit`);
}

/** Σ coef·x + bias. Integer coefficients only. */
export function linear(name: string, terms: readonly (readonly [number, Feature])[], bias = 0): LocalFeature {
  let lo = bias;
  let hi = bias;
  for (const [c, x] of terms) {
    if (!Number.isSafeInteger(c)) throw new EfaspError(`${name}: coefficient ${c} is not an integer`);
    lo += Math.min(c * x.lo, c * x.hi);
    hi += Math.max(c * x.lo, c * x.hi);
  }
  return local(name, { op: "linear", coefs: terms.map(([c]) => c), bias }, terms.map(([, x]) => x), lo, hi);
}

export const constant = (value: number, name = `const ${value}`): LocalFeature => linear(name, [], value);
export const add = (name: string, a: Feature, b: Feature): LocalFeature => linear(name, [[1, a], [1, b]]);
export const sub = (name: string, a: Feature, b: Feature): LocalFeature => linear(name, [[1, a], [-1, b]]);
export const scale = (name: string, c: number, a: Feature): LocalFeature => linear(name, [[c, a]]);
export const offset = (name: string, a: Feature, b: number): LocalFeature => linear(name, [[1, a]], b);

export function relu(name: string, x: Feature): LocalFeature {
  return local(name, { op: "relu" }, [x], Math.max(0, x.lo), Math.max(0, x.hi));
}

export function compare(name: string, cmp: Comparison, a: Feature, b: Feature): LocalFeature {
  return local(name, { op: "compare", cmp }, [a, b], 0, 1);
}

/** c ? x : y, for a bit c. */
export function select(name: string, c: Feature, x: Feature, y: Feature): LocalFeature {
  requireBit(name, c);
  return local(name, { op: "select" }, [c, x, y], Math.min(x.lo, y.lo), Math.max(x.hi, y.hi));
}

export function min(name: string, a: Feature, b: Feature): LocalFeature {
  return local(name, { op: "min" }, [a, b], Math.min(a.lo, b.lo), Math.min(a.hi, b.hi));
}

export function max(name: string, a: Feature, b: Feature): LocalFeature {
  return local(name, { op: "max" }, [a, b], Math.max(a.lo, b.lo), Math.max(a.hi, b.hi));
}

/** table[x - base]; every value x may take must index the table. */
export function lookup(name: string, x: Feature, table: readonly number[], base = 0): LocalFeature {
  if (table.length === 0) throw new EfaspError(`${name}: empty lookup table`);
  if (x.lo < base || x.hi >= base + table.length) {
    throw new EfaspError(
      `${name}: input ${x.name} has bounds [${x.lo}, ${x.hi}] but the table covers [${base}, ${base + table.length - 1}]`,
    );
  }
  for (const v of table) if (!Number.isSafeInteger(v)) throw new EfaspError(`${name}: table value ${v} is not an integer`);
  const reachable = table.slice(x.lo - base, x.hi - base + 1);
  return local(name, { op: "lookup", table, base }, [x], minOf(reachable), maxOf(reachable));
}

/**
 * floor(a / b) for a divisor b ≥ 1 (checked on b's bounds). Its gadget is a compare ladder over the
 * quotient's range (floorDivGadget), 2·(hi − lo) hidden units: for a in [lo_a, hi_a] and b in [1, B] the
 * quotient lies between min(lo_a, ⌊lo_a/B⌋) and max(hi_a, ⌊hi_a/B⌋).
 */
export function floorDiv(name: string, a: Feature, b: Feature): LocalFeature {
  if (b.lo < 1) throw new EfaspError(`${name}: divisor ${b.name} has bounds [${b.lo}, ${b.hi}], not ≥ 1`);
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].map(Math.floor);
  return local(name, { op: "floorDiv" }, [a, b], Math.min(...q), Math.max(...q));
}

export function all(name: string, bits: readonly Feature[]): LocalFeature {
  if (bits.length === 0) throw new EfaspError(`${name}: all() of no bits`);
  for (const b of bits) requireBit(name, b);
  return local(name, { op: "all" }, bits, 0, 1);
}

export function any(name: string, bits: readonly Feature[]): LocalFeature {
  if (bits.length === 0) throw new EfaspError(`${name}: any() of no bits`);
  for (const b of bits) requireBit(name, b);
  return local(name, { op: "any" }, bits, 0, 1);
}

export function not(name: string, bit: Feature): LocalFeature {
  requireBit(name, bit);
  return local(name, { op: "not" }, [bit], 0, 1);
}

/**
 * x itself, with bounds narrowed to [lo, hi] (intersected with its own): a fact the program knows but interval arithmetic cannot see
 * (e.g. that a gated value is a valid address). Free (a linear feature); the evaluator checks the bounds at
 * every position, so a wrong assumption is an evaluation error, never a silent miscompilation.
 */
export function assume(name: string, x: Feature, lo: number, hi: number): LocalFeature {
  const f = linear(name, [[1, x]]);
  const narrowedLo = Math.max(lo, f.lo);
  const narrowedHi = Math.min(hi, f.hi);
  if (narrowedLo > narrowedHi) {
    throw new EfaspError(`${name}: assumed bounds [${lo}, ${hi}] do not meet [${f.lo}, ${f.hi}]`);
  }
  return { ...f, lo: narrowedLo, hi: narrowedHi };
}
