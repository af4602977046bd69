import fc from "fast-check";
import { attend, bonus, lin, matchTerms, term } from "./attend.js";
import type { EfaspOutput, EfaspProgram } from "./efaspProgram.js";
import type { Comparison, Feature, Linear, ScoreTerm } from "./feature.js";
import { all, any, assume, compare, constant, floorDiv, linear, lookup, max, min, not, relu, select } from "./local.js";
import { printProgram } from "./printProgram.js";
import { position, token } from "./sources.js";
import type { PositionFeature } from "../transformer/positionFeature.js";
import { positionValue } from "../transformer/positionValue.js";
import { arbitraryPositionFeature } from "../transformer/arbitraryPositionFeature.js";

/** Generated programs are valid (every mean an integer, every bound proven) on sequences up to this long. */
export const MAX_GENERATED_LENGTH = 64;
/** Features are clamped to ±MAG so that chains of linear ops stay far from 2^53. */
const MAG = 5000;
/** Lookups and exact matches read features with at most this many values. */
const NARROW = 64;

/**
 * A pick names a feature of the pool counting back from the newest (0 = the newest), modulo the pool size:
 * picks shrink towards 0, so a shrunk program keeps its steps connected.
 */
type Pick = number;
type Term = readonly [number, Pick];
type HeadStyle =
  /** 64·Σ q·k + tie·j: any bilinear score made a unique winner by a position tie-break (|tie·j| < 64). */
  | { readonly style: "unique"; readonly terms: readonly { readonly q: readonly Term[]; readonly qb: number; readonly k: readonly Term[]; readonly kb: number }[]; readonly tie: 1 | -1 }
  /** −64·(a − b_j)² + tie·j: exact match of a query value against a narrow key, nearest otherwise. */
  | { readonly style: "match"; readonly a: Pick; readonly b: Pick; readonly tie: 1 | -1 }
  /** sign(i)·x_j with a query-dependent sign (a bit or always +1), averaging x itself: constant over ties. */
  | { readonly style: "extreme"; readonly x: Pick; readonly sign: Pick | null }
  /** Exact match of key j against i + offset (the nearest key when none matches: unique). */
  | { readonly style: "offset"; readonly offset: number };

type Step =
  | { readonly op: "linear"; readonly terms: readonly Term[]; readonly bias: number }
  | { readonly op: "relu" | "not"; readonly x: Pick }
  | { readonly op: "compare"; readonly cmp: Comparison; readonly a: Pick; readonly b: Pick }
  | { readonly op: "min" | "max" | "floorDiv"; readonly a: Pick; readonly b: Pick }
  | { readonly op: "select"; readonly c: Pick; readonly x: Pick; readonly y: Pick }
  | { readonly op: "lookup"; readonly x: Pick; readonly table: readonly number[] }
  | { readonly op: "all" | "any"; readonly bits: readonly Pick[] }
  | { readonly op: "assume"; readonly x: Pick }
  | { readonly op: "head"; readonly head: HeadStyle; readonly values: readonly Pick[] };

/** The choices a program is built from: plain data, so fast-check shrinks it step by step. */
export interface Recipe {
  readonly V: number;
  readonly tokens: readonly (readonly number[])[];
  readonly positions: readonly PositionFeature[];
  readonly steps: readonly Step[];
  readonly output: { readonly kind: "code"; readonly x: Pick; readonly perm: number } | { readonly kind: "scores"; readonly xs: readonly Pick[] };
  readonly control: readonly [Pick, Pick, Pick] | null;
  readonly causal: boolean;
}

/** A built program; printed (in a shrunk counterexample) as printProgram shows it. */
export interface GeneratedProgram {
  readonly recipe: Recipe;
  readonly program: EfaspProgram;
}

const pick: fc.Arbitrary<Pick> = fc.oneof({ weight: 3, arbitrary: fc.nat(3) }, fc.nat(40));
const small = fc.integer({ min: -3, max: 3 });
const terms = fc.array(fc.tuple(small, pick), { minLength: 1, maxLength: 3 });
const tie = fc.constantFrom(1 as const, -1 as const);

const headStyle: fc.Arbitrary<HeadStyle> = fc.oneof(
  fc.record({
    style: fc.constant("unique" as const),
    terms: fc.array(fc.record({ q: terms, qb: small, k: terms, kb: small }), { minLength: 1, maxLength: 3 }),
    tie,
  }),
  fc.record({ style: fc.constant("match" as const), a: pick, b: pick, tie }),
  fc.record({ style: fc.constant("extreme" as const), x: pick, sign: fc.option(pick) }),
  fc.record({ style: fc.constant("offset" as const), offset: fc.integer({ min: -3, max: 3 }) }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("linear" as const), terms, bias: small }),
  fc.record({ op: fc.constantFrom("relu" as const, "not" as const), x: pick }),
  fc.record({ op: fc.constant("compare" as const), cmp: fc.constantFrom<Comparison>("lt", "le", "eq", "ne", "gt", "ge"), a: pick, b: pick }),
  fc.record({ op: fc.constantFrom("min" as const, "max" as const, "floorDiv" as const), a: pick, b: pick }),
  fc.record({ op: fc.constant("select" as const), c: pick, x: pick, y: pick }),
  fc.record({ op: fc.constant("lookup" as const), x: pick, table: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constantFrom("all" as const, "any" as const), bits: fc.array(pick, { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant("assume" as const), x: pick }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("head" as const), head: headStyle, values: fc.array(pick, { minLength: 1, maxLength: 3 }) }) },
);

/** Tables and score lists are drawn for the largest vocabulary and cut to V (no chain: it shrinks better). */
const MAX_V = 8;
const recipes: fc.Arbitrary<Recipe> = fc
  .record({
    V: fc.integer({ min: 2, max: MAX_V }),
    tokens: fc.array(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: MAX_V, maxLength: MAX_V }), { minLength: 1, maxLength: 3 }),
    positions: fc.array(arbitraryPositionFeature, { maxLength: 3 }),
    steps: fc.array(step, { maxLength: 32, size: "max" }),
    output: fc.oneof(
      fc.record({ kind: fc.constant("code" as const), x: pick, perm: fc.nat(6) }),
      fc.record({ kind: fc.constant("scores" as const), xs: fc.array(pick, { minLength: MAX_V, maxLength: MAX_V }) }),
    ),
    control: fc.option(fc.tuple(pick, pick, pick)),
    causal: fc.boolean(),
  })
  .map((r) => ({
    ...r,
    tokens: r.tokens.map((t) => t.slice(0, r.V)),
    output: r.output.kind === "scores" ? { ...r.output, xs: r.output.xs.slice(0, r.V) } : r.output,
  }));

/** Random valid E-FASP programs of every feature kind, op and head style, depth and width varied. */
export const arbitraryProgram: fc.Arbitrary<GeneratedProgram> = recipes.map((recipe) => {
  const program = build(recipe);
  return { recipe, program, [fc.toStringMethod]: () => `\n${printProgram(program)}` };
});

/** Token sequences of length 1..MAX_GENERATED_LENGTH; ids are taken modulo the vocabulary size. */
export const arbitraryTokens: fc.Arbitrary<number[]> = fc.array(fc.nat(7), { minLength: 1, maxLength: MAX_GENERATED_LENGTH });

/** Position bounds over every position of every length 1..MAX_GENERATED_LENGTH. */
function positionBounds(spec: PositionFeature): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let n = 1; n <= MAX_GENERATED_LENGTH; n++) {
    for (let i = 0; i < n; i++) {
      const v = positionValue(spec, i, n);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

function build(recipe: Recipe): EfaspProgram {
  const { V } = recipe;
  const pool: Feature[] = [];
  const add = (f: Feature): Feature => {
    const clamped = f.hi > MAG || f.lo < -MAG ? max(`${f.name}↑`, min(`${f.name}↓`, f, constant(MAG)), constant(-MAG)) : f;
    pool.push(clamped);
    return clamped;
  };
  const at = (p: Pick, from: readonly Feature[] = pool) => from[from.length - 1 - (p % from.length)];
  const bit = (p: Pick): Feature => {
    const bits = pool.filter((f) => f.lo >= 0 && f.hi <= 1);
    return bits.length > 0 ? at(p, bits) : add(compare(`${at(p).name}>0`, "gt", at(p), constant(0)));
  };
  const narrow = (p: Pick): Feature => {
    const ok = pool.filter((f) => f.hi - f.lo < NARROW);
    return ok.length > 0 ? at(p, ok) : bit(p);
  };
  const sum = (ts: readonly Term[], bias: number): Linear => lin(...ts.map(([c, p]) => [c, at(p)] as const), bias);
  const j = position("j", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, MAX_GENERATED_LENGTH - 1);
  const j2 = position("j²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, (MAX_GENERATED_LENGTH - 1) ** 2);
  const square = (x: Feature) => lookup(`${x.name}²`, x, Array.from({ length: x.hi - x.lo + 1 }, (_, k) => (x.lo + k) ** 2), x.lo);

  recipe.tokens.forEach((table, k) => add(token(`tok${k}`, table)));
  recipe.positions.forEach((spec, k) => add(position(`pos${k}`, spec, ...positionBounds(spec))));
  recipe.steps.forEach((s, k) => {
    const name = `f${k}`;
    switch (s.op) {
      case "linear":
        add(linear(name, s.terms.map(([c, p]) => [c, at(p)] as const), s.bias));
        break;
      case "relu":
        add(relu(name, at(s.x)));
        break;
      case "not":
        add(not(name, bit(s.x)));
        break;
      case "compare":
        add(compare(name, s.cmp, at(s.a), at(s.b)));
        break;
      case "min":
      case "max":
        add((s.op === "min" ? min : max)(name, at(s.a), at(s.b)));
        break;
      case "floorDiv": {
        // Narrow operands keep the compare ladder short; the divisor shifted to start at 1.
        const d = narrow(s.b);
        add(floorDiv(name, narrow(s.a), linear(`${name}.divisor`, [[1, d]], 1 - d.lo)));
        break;
      }
      case "select":
        add(select(name, bit(s.c), at(s.x), at(s.y)));
        break;
      case "lookup": {
        const x = narrow(s.x);
        add(lookup(name, x, Array.from({ length: x.hi - x.lo + 1 }, (_, i) => s.table[i % s.table.length]), x.lo));
        break;
      }
      case "all":
      case "any":
        add((s.op === "all" ? all : any)(name, s.bits.map(bit)));
        break;
      case "assume": {
        // x + b + (1 − b) − 1 = x, though interval arithmetic gives [x.lo, x.hi + 1]: a true narrowing.
        const x = at(s.x);
        const b = bit(s.x);
        add(assume(name, linear(`${name}+`, [[1, x], [1, b], [1, not(`¬${b.name}`, b)]], -1), x.lo, x.hi));
        break;
      }
      case "head": {
        const values = s.values.map((p) => at(p));
        const { score, same } = scoreOf(s.head);
        for (const f of attend(name, score, same ?? values)) add(f);
        break;
      }
    }
  });

  /** A head's score terms, and the values it must average when ties are possible (else the picked ones). */
  function scoreOf(h: HeadStyle): { score: ScoreTerm[]; same: Feature[] | null } {
    switch (h.style) {
      case "unique":
        return { score: [...h.terms.map((t) => term(scaled(64, sum(t.q, t.qb)), sum(t.k, t.kb))), bonus(h.tie, j)], same: null };
      case "match": {
        const a = at(h.a);
        const b = narrow(h.b);
        return { score: [...matchTerms(64, lin([1, a]), b, square(b)), bonus(h.tie, j)], same: null };
      }
      case "extreme": {
        const x = at(h.x);
        const sign = h.sign === null ? lin(1) : lin([2, bit(h.sign)], -1);
        return { score: [term(sign, lin([1, x]))], same: [x] };
      }
      case "offset":
        return { score: matchTerms(1, lin([1, j], h.offset), j, j2), same: null };
    }
  }

  const output: EfaspOutput =
    recipe.output.kind === "code" ? { kind: "code", feature: code(at(recipe.output.x), recipe.output.perm) } : { kind: "scores", features: recipe.output.xs.map((p) => at(p)) };
  /** A feature as a token id: a narrow one through a lookup table, a wide one clamped to 0..V−1. */
  function code(x: Feature, perm: number): Feature {
    if (x.hi - x.lo < NARROW) return lookup("code", x, Array.from({ length: x.hi - x.lo + 1 }, (_, k) => (k * (perm + 1) + perm) % V), x.lo);
    return max("code", min("code↓", x, constant(V - 1)), constant(0));
  }
  const control = recipe.control ? (recipe.control.map(bit) as [Feature, Feature, Feature]) : null;
  const vocab = Array.from({ length: V }, (_, t) => `t${t}`);
  return { name: "generated", vocab, maskToken: 0, output, control, causal: recipe.causal };
}

const scaled = (c: number, x: Linear): Linear => ({ terms: x.terms.map(([w, f]) => [c * w, f] as const), bias: c * x.bias });
