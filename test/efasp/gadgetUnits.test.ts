import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { affineDim } from "../../src/efasp/affine.js";
import { applyLocal } from "../../src/efasp/applyLocal.js";
import type { Comparison, Feature, LocalFeature } from "../../src/efasp/feature.js";
import { gadget } from "../../src/efasp/gadget.js";
import { all, any, compare, floorDiv, lookup, max, min, relu, select } from "../../src/efasp/local.js";
import { token } from "../../src/efasp/sources.js";

/**
 * Each gadget as the one-hidden-layer MLP it is, evaluated in float64 straight from its units (no
 * transformer): Σ_u weight_u·ReLU(input_u(x)) + bias must equal the op's definition exactly for integer
 * inputs anywhere in their declared bounds — here bounds up to ±2^40, far wider than the exhaustive
 * small-range test through the compiled forward pass (gadgets.test.ts) can reach.
 */
function mlp(f: LocalFeature, x: readonly number[]): number {
  const g = gadget(f, f.inputs.map((_, k) => affineDim(k)));
  let out = g.bias;
  for (const u of g.units) {
    let pre = u.input.bias;
    for (const [k, w] of u.input.terms) pre += w * x[k];
    out += u.weight * Math.max(0, pre);
  }
  return out;
}

const R = 2 ** 40;
/** An integer feature with bounds [lo, hi] and a value inside them. */
const ranged = fc
  .tuple(fc.integer({ min: -R, max: R }), fc.integer({ min: -R, max: R }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b, t]) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return { lo, hi, value: Math.min(hi, lo + Math.floor(t * (hi - lo + 1))) };
  });
/** Near-equal values matter most for comparisons: often draw b within 2 of a. */
const pair = fc.oneof(
  fc.tuple(ranged, ranged),
  fc.tuple(ranged, fc.integer({ min: -2, max: 2 })).map(([a, d]) => [a, { lo: a.lo - 2, hi: a.hi + 2, value: a.value + d }] as const),
);
const feature = (name: string, r: { lo: number; hi: number }): Feature => token(name, [r.lo, r.hi]);
const bit = fc.integer({ min: 0, max: 1 });

function exact(f: LocalFeature, x: readonly number[]): void {
  expect(mlp(f, x)).toBe(applyLocal(f.op, x));
}

describe("every gadget's MLP is exact over integers in its declared bounds (up to ±2^40)", () => {
  test.prop([ranged])("relu", (a) => {
    exact(relu("r", feature("a", a)), [a.value]);
  });
  test.prop([pair, fc.constantFrom<Comparison>("lt", "le", "eq", "ne", "gt", "ge")])("compare", ([a, b], cmp) => {
    exact(compare("c", cmp, feature("a", a), feature("b", b)), [a.value, b.value]);
  });
  test.prop([pair])("min and max", ([a, b]) => {
    exact(min("m", feature("a", a), feature("b", b)), [a.value, b.value]);
    exact(max("m", feature("a", a), feature("b", b)), [a.value, b.value]);
  });
  test.prop([bit, pair])("select", (c, [x, y]) => {
    exact(select("s", feature("c", { lo: 0, hi: 1 }), feature("x", x), feature("y", y)), [c, x.value, y.value]);
  });
  test.prop([fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })])(
    "floorDiv",
    (a1, a2, b1, b2) => {
      const a = feature("a", { lo: Math.min(a1, a2), hi: Math.max(a1, a2) });
      const b = feature("b", { lo: Math.min(b1, b2), hi: Math.max(b1, b2) });
      for (const x of [a.lo, a.hi, a1]) for (const y of [b.lo, b.hi, b1]) exact(floorDiv("q", a, b), [x, y]);
    },
  );
  test.prop([fc.array(bit, { minLength: 1, maxLength: 9 })])("all and any", (bits) => {
    const fs = bits.map((_, k) => feature(`b${k}`, { lo: 0, hi: 1 }));
    exact(all("all", fs), bits);
    exact(any("any", fs), bits);
  });
  test.prop([fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: -R, max: R }), fc.nat()])(
    "lookup",
    (table, base, k) => {
      const x = feature("x", { lo: base, hi: base + table.length - 1 });
      exact(lookup("l", x, table, base), [base + (k % table.length)]);
    },
  );
});
