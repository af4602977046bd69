import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { token } from "../src/efasp/sources.js";
import { maxOf, minOf } from "../src/minMax.js";

describe("minOf / maxOf", () => {
  test.prop([fc.array(fc.double()), fc.double()], { seed: 10 })("agree with Math.min / Math.max over small lists, start included", (xs, start) => {
    expect(Object.is(minOf(xs), Math.min(...xs))).toBe(true);
    expect(Object.is(maxOf(xs), Math.max(...xs))).toBe(true);
    expect(Object.is(minOf(xs, start), Math.min(start, ...xs))).toBe(true);
    expect(Object.is(maxOf(xs, start), Math.max(start, ...xs))).toBe(true);
  });

  it("take a table of 2^21 entries, far past where a spread into Math.min overflows the stack (issue 10: 131k-token vocabularies)", () => {
    const table = Array.from({ length: 2 ** 21 }, (_, i) => (i * 7919) % 1000003);
    expect(minOf(table)).toBe(0);
    expect(maxOf(table)).toBe(1000002);
    const t = token("big", table);
    expect([t.lo, t.hi]).toEqual([0, 1000002]);
  });
});
