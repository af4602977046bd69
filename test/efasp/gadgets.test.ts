import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import type { Comparison, Feature } from "../../src/efasp/feature.js";
import { all, any, compare, linear, lookup, max, min, not, relu, select } from "../../src/efasp/local.js";
import { token } from "../../src/efasp/sources.js";
import { firstDisagreement } from "./agreement.js";

/**
 * Each MLP gadget over its whole declared input range: two token features a, b range over [lo, hi] (every
 * pair of tokens), the gadget's feature is the code output (shifted into the vocabulary), and the compiled
 * weights must agree with the evaluator at every position.
 */
function over(lo: number, hi: number, build: (a: Feature, b: Feature, bits: Feature[]) => Feature): string | null {
  const width = hi - lo + 1;
  const pairs = width * width;
  const V = Math.max(pairs, 64);
  const a = token("a", Array.from({ length: V }, (_, t) => lo + Math.floor((t % pairs) / width)));
  const b = token("b", Array.from({ length: V }, (_, t) => lo + (t % width)));
  const bits = [0, 1, 2].map((k) => token(`bit${k}`, Array.from({ length: V }, (_, t) => Math.floor((t % pairs) / 2 ** k) % 2)));
  const f = build(a, b, bits);
  const out = linear("out", [[1, f]], -f.lo);
  const vocab = Array.from({ length: V }, (_, t) => `t${t}`);
  const program: EfaspProgram = { name: "gadget", vocab, maskToken: 0, output: { kind: "code", feature: out }, control: null, causal: false };
  return firstDisagreement(program, Array.from({ length: pairs }, (_, t) => t));
}

describe("MLP gadgets are exact over their whole input range", () => {
  it.each(["lt", "le", "eq", "ne", "gt", "ge"] as Comparison[])("compare %s", (cmp) => {
    expect(over(-4, 5, (a, b) => compare("c", cmp, a, b))).toBeNull();
  });
  it("relu, min, max", () => {
    expect(over(-5, 4, (a) => relu("r", a))).toBeNull();
    expect(over(-5, 4, (a, b) => min("m", a, b))).toBeNull();
    expect(over(-5, 4, (a, b) => max("m", a, b))).toBeNull();
  });
  it("select, all, any, not", () => {
    expect(over(-3, 6, (a, b, bits) => select("s", bits[0], a, b))).toBeNull();
    expect(over(0, 7, (_a, _b, bits) => all("all", bits))).toBeNull();
    expect(over(0, 7, (_a, _b, bits) => any("any", bits))).toBeNull();
    expect(over(0, 7, (_a, _b, bits) => not("not", bits[1]))).toBeNull();
  });
  test.prop([fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: -3, max: 3 })])(
    "lookup of any table",
    (table, base) => {
      expect(over(base, base + table.length - 1, (a) => lookup("l", a, table, base))).toBeNull();
    },
  );
});
