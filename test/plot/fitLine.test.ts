import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fitLine } from "../../src/plot/fitLine.js";
import { formatRational, rational } from "../../src/plot/rational.js";

const small = fc.integer({ min: -1000, max: 1000 });

describe("fitLine", () => {
  test.prop([small, small, fc.uniqueArray(small, { minLength: 2, maxLength: 12 })])(
    "recovers an exact integer line exactly, with zero residual",
    (a, b, xs) => {
      const fit = fitLine(xs.map((x) => ({ x, y: a * x + b })))!;
      expect(formatRational(fit.slope)).toBe(String(a));
      expect(formatRational(fit.intercept)).toBe(String(b));
      expect(fit.maxResidual).toBe(0);
    },
  );

  test.prop([fc.array(fc.tuple(small, small), { minLength: 2, maxLength: 12 })])(
    "satisfies the normal equations exactly: residuals sum to 0 and are orthogonal to x",
    (pts) => {
      const points = pts.map(([x, y]) => ({ x, y }));
      const fit = fitLine(points);
      if (new Set(points.map((p) => p.x)).size < 2) {
        expect(fit).toBeNull();
        return;
      }
      const { slope: s, intercept: c } = fit!;
      // residual_i · (s.den·c.den) = y·s.den·c.den − s.num·x·c.den − c.num·s.den, an exact integer
      const r = points.map(({ x, y }) => BigInt(y) * s.den * c.den - s.num * BigInt(x) * c.den - c.num * s.den);
      expect(r.reduce((a, v) => a + v, 0n)).toBe(0n);
      expect(r.reduce((a, v, i) => a + v * BigInt(points[i].x), 0n)).toBe(0n);
    },
  );

  it("gives the textbook fit of a small example as exact rationals", () => {
    // points (0,0), (1,1), (2,1): slope 1/2, intercept 1/6
    const fit = fitLine([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }])!;
    expect([formatRational(fit.slope), formatRational(fit.intercept)]).toEqual(["1/2", "1/6"]);
    expect(fit.maxResidual).toBe(1 / 3);
  });

  it("is undetermined (null) for one distinct x", () => {
    expect(fitLine([{ x: 3, y: 1 }, { x: 3, y: 2 }])).toBeNull();
  });

  it("keeps rationals in lowest terms with a positive denominator", () => {
    expect(rational(4n, -6n)).toEqual({ num: -2n, den: 3n });
  });
});
