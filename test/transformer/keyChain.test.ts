import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { denseMatmul } from "../../src/transformer/denseMatmul.js";
import { HeadCache, type IndexMode } from "../../src/transformer/HeadCache.js";
import { KeyChain } from "../../src/transformer/KeyChain.js";
import { EXACT } from "../../src/transformer/PointTree.js";
import { RowSet } from "../../src/transformer/RowSet.js";
import { TopLevels } from "../../src/transformer/TopLevels.js";

/**
 * Keys on a parabola or a line (u, s·(u − o)² + b·u) at distinct u, in dQK coordinates: u and v at two of
 * them (or u alone), constants elsewhere; then some keys repeated, the order shuffled, and maybe one key
 * moved off the curve or u and v swapped (a chain or not: either way the search must equal a scan). "large"
 * spreads u by 2^8 and puts constants up to 2^40, so that scores come near the exactness limit 2^52.
 */
const keySets = fc
  .record({
    dQK: fc.integer({ min: 1, max: 4 }),
    large: fc.boolean(),
    s: fc.integer({ min: -2, max: 2 }),
    b: fc.integer({ min: -3, max: 3 }),
    o: fc.integer({ min: -5, max: 5 }),
    xs: fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 40 }),
    at: fc.tuple(fc.nat(3), fc.nat(3)),
    constants: fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 4, maxLength: 4 }),
    repeats: fc.array(fc.nat(39), { maxLength: 6 }),
    shuffle: fc.option(fc.array(fc.nat(), { minLength: 46, maxLength: 46 })),
    bend: fc.option(fc.tuple(fc.nat(45), fc.constantFrom(-1, 1))),
    swap: fc.boolean(),
  })
  .map(({ dQK, large, s, b, o, xs, at, constants, repeats, shuffle, bend, swap }) => {
    const u = at[0] % dQK;
    const v = dQK === 1 ? -1 : (u + 1 + (at[1] % (dQK - 1))) % dQK;
    const scale = large ? 2 ** 8 : 1;
    const curve = (x: number): number => s * (x - o) ** 2 + b * x;
    const points = xs.map((x0) => {
      const x = x0 * scale;
      const p = constants.slice(0, dQK).map((c) => (large ? c : c % 2 ** 20));
      p[u] = x;
      if (v >= 0) p[v] = curve(x);
      if (swap && v >= 0) [p[u], p[v]] = [p[v], p[u]];
      return p;
    });
    for (const r of repeats) points.push([...points[r % points.length]]);
    if (bend && v >= 0) points[bend[0] % points.length][v] += bend[1];
    if (shuffle) {
      for (let i = points.length - 1; i > 0; i--) {
        const j = shuffle[i] % (i + 1);
        [points[i], points[j]] = [points[j], points[i]];
      }
    }
    return { dQK, points, curved: !bend && v >= 0, large };
  });

/**
 * Convex chains from random steps (du ≥ 1, dv) sorted by slope, some slopes repeated (collinear runs, long
 * plateaus), in two of dQK coordinates, keys maybe repeated and shuffled: always a chain.
 */
const polylines = fc
  .record({
    dQK: fc.integer({ min: 2, max: 3 }),
    start: fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })),
    steps: fc.oneof(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -3, max: 3 })), { maxLength: 24 }),
      fc.array(fc.tuple(fc.constant(1), fc.integer({ min: -1, max: 1 })), { maxLength: 6 }),
    ),
    concave: fc.boolean(),
    repeats: fc.array(fc.nat(), { maxLength: 4 }),
    shuffle: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
  })
  .map(({ dQK, start, steps, concave, repeats, shuffle }) => {
    const sign = concave ? -1 : 1;
    const sorted = [...steps].sort(([du1, dv1], [du2, dv2]) => sign * (dv1 * du2 - dv2 * du1));
    const points = [[start[0], start[1], 7].slice(0, dQK)];
    for (const [du, dv] of sorted) {
      const last = points.at(-1)!;
      points.push([last[0] + du, last[1] + dv, 7].slice(0, dQK));
    }
    for (const r of repeats) points.push([...points[r % points.length]]);
    for (let i = points.length - 1; i > 0; i--) {
      const j = shuffle[i % 30] % (i + 1);
      [points[i], points[j]] = [points[j], points[i]];
    }
    return { dQK, points, curved: true, large: false };
  });

/** Random small keys: chains only by accident (few points, or dQK ≤ 2 and convex). */
const randomKeySets = fc.integer({ min: 1, max: 3 }).chain((dQK) =>
  fc.record({ dQK: fc.constant(dQK), points: fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: dQK, maxLength: dQK }), { minLength: 1, maxLength: 12 }), curved: fc.constant(false), large: fc.constant(false) }),
);

/** Queries: random, and ones matching a point of the parabola (2a, −1 on u, v: a tie of two keys or one best). */
const queries = (dQK: number, large: boolean) =>
  fc.array(
    fc.oneof(
      fc.array(fc.integer({ min: large ? -(2 ** 12) : -50, max: large ? 2 ** 12 : 50 }), { minLength: dQK, maxLength: dQK }),
      fc.array(fc.integer({ min: -1, max: 1 }), { minLength: dQK, maxLength: dQK }),
      fc.tuple(fc.integer({ min: -45, max: 45 }), fc.constantFrom(-1, 1), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 4, maxLength: 4 })).map(([a, sign, rest]) => {
        const q = rest.slice(0, dQK);
        q[0] = sign * 2 * a * (large ? 2 ** 8 : 1);
        if (dQK > 1) q[1] = -sign;
        return q;
      }),
    ),
    { minLength: 1, maxLength: 8 },
  );

const cases = fc.oneof(keySets, polylines, randomKeySets).chain((keys) =>
  fc.record({
    keys: fc.constant(keys),
    queries: fc.oneof(queries(keys.dQK, keys.large), queries(keys.dQK, false)),
    values: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }), { minLength: keys.points.length, maxLength: keys.points.length }),
  }),
);

/** Halves q (towards 0) until Σ_t |q_t|·max|k_t| ≤ 2^52: the precondition a caller checks (integralBound). */
function withinExact(q: number[], points: number[][]): number[] {
  const max = q.map((_, t) => Math.max(...points.map((p) => Math.abs(p[t]))));
  while (q.reduce((s, x, t) => s + Math.abs(x) * max[t], 0) > EXACT / 2) q = q.map((x) => Math.trunc(x / 2));
  return q;
}

/** The plain definition: every key's score in order; the two top levels, their counts and the top's value sum. */
function scan(points: number[][], values: number[][], q: number[]) {
  const scores = points.map((p) => p.reduce((s, x, t) => s + q[t] * x, 0));
  const best = Math.max(...scores);
  const below = scores.filter((s) => s < best);
  const second = below.length === 0 ? -Infinity : Math.max(...below);
  const top = scores.flatMap((s, j) => (s === best ? [j] : []));
  const sum = values[0].map((_, c) => top.reduce((a, j) => a + values[j][c], 0));
  return { best, second, count: top.length, count2: scores.filter((s) => s === second).length, sum, top };
}

const flat = (rows: number[][], width: number): Float64Array => {
  const a = new Float64Array(rows.length * width);
  rows.forEach((r, i) => a.set(r, i * width));
  return a;
};

/** Searches every query over the keys' chain (it must be one when `curved`) and compares with a plain scan. */
function checkChain(dQK: number, points: number[][], curved: boolean, qs: number[][], values: number[][]): void {
    const n = points.length;
    const { chain } = KeyChain.detect(flat(points, dQK), dQK, n);
    if (curved) expect(chain).not.toBeNull();
    if (!chain) return;
    const k = flat(points, dQK);
    const sums = chain.prefixSums(flat(values, 2), 2);
    for (const q0 of qs) {
      const q = withinExact(q0, points);
      const want = scan(points, values, q);
      const sum = new Float64Array(2);
      const top = new TopLevels(sum, 0, 2, n);
      const scored = chain.search(Float64Array.from(q), 0, k, dQK, sums, 2, new Float64Array(2), top);
      expect({ best: top.best, second: top.second, count: top.count, count2: top.count2, sum: Array.from(sum) }).toEqual({ ...want, top: undefined, sum: want.sum.map((x) => x + 0) });
      const listed = top.from.flatMap((from, r) => Array.from(chain.order.subarray(from, top.to[r])));
      expect(listed.sort((a, b) => a - b)).toEqual(want.top);
      expect(scored).toBeLessThanOrEqual(4 * Math.ceil(Math.log2(n + 1)) + 9);
    }
}

describe("KeyChain: a convex chain of keys, searched in O(log N) scores", () => {
  test.prop([cases], { numRuns: 400 })("every query's two top levels, counts, value sum and top keys equal a plain scan's; curves are detected", ({ keys: { dQK, points, curved }, queries: qs, values }) => {
    checkChain(dQK, points, curved, qs, values);
  });

  it("plateaus: a valley whose second level is a collinear run, a peak whose top level is one, a line, one key", () => {
    const values = (n: number) => Array.from({ length: n }, (_, j) => [j + 1, -j]);
    const valley = [[0, 5], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0]];
    checkChain(2, valley, true, [[0, 1], [0, -1], [1, 0], [-1, 0], [5, 1]], values(6));
    checkChain(2, [...valley, [6, 5]], true, [[0, 1], [1, 1], [-1, 1]], values(7));
    checkChain(2, valley.map(([u, v]) => [u, -v]), true, [[0, 1], [0, -1]], values(6));
    checkChain(1, [[3], [1], [2], [2]], true, [[1], [-1], [0]], values(4));
    checkChain(3, [[1, 2, 3]], true, [[1, 1, 1], [0, 0, 0]], values(1));
    expect(KeyChain.detect(Float64Array.from([0, 0, 1, 1, 2, 0]), 2, 3).chain).not.toBeNull();
    expect(KeyChain.detect(Float64Array.from([0, 0, 1, 1, 2, 0, 3, 1]), 2, 4).chain).toBeNull();
    // Steps whose cross products would pass 2^52 (not exact): no chain, a tree instead.
    expect(KeyChain.detect(Float64Array.from([0, 0, 2 ** 26, 2 ** 27, 2 ** 27 + 1, 2 ** 28]), 2, 3).chain).toBeNull();
  });
});

describe("HeadCache: key index (chain or tree) = plain rescan, bit for bit", () => {
  test.prop([cases, fc.array(fc.nat(), { minLength: 4, maxLength: 4 })], { numRuns: 150 })(
    "outputs and levels over two full passes (the values change in the second) in modes always, auto and never",
    ({ keys: { dQK, points }, queries: qs, values }, edits) => {
      const n = points.length;
      const dV = 2;
      const d = 2 * dQK + dV;
      // Weights that copy the row's blocks: q = x[0, dQK), k = x[dQK, 2dQK), v = x[2dQK, d).
      const select = (from: number, width: number): Float64Array => {
        const w = new Float64Array(d * width);
        for (let c = 0; c < width; c++) w[(from + c) * width + c] = 1;
        return w;
      };
      const weights = { wq: select(0, dQK), wk: select(dQK, dQK), wv: select(2 * dQK, dV), wo: new Float64Array(dV * d) };
      const rows = (vals: number[][]) => flat(points.map((p, i) => [...withinExact(qs[i % qs.length], points), ...p, ...vals[i]]), d);
      const changed = values.map((row, i) => (edits.includes(i % 7) ? row.map((x) => x + 1) : row));
      const all = Int32Array.from({ length: n }, (_, i) => i);
      const run = (mode: IndexMode) => {
        const head = new HeadCache(weights, n, d, dQK, dV, false, { kind: "average-hard" }, { layer: 0, head: 0 }, mode);
        return [values, changed].map((vals) => {
          head.update(rows(vals), all, true, denseMatmul, new RowSet(n));
          return { attended: Array.from(head.attended, (x) => (Object.is(x, -0) ? "-0" : x)), levels: head.levels() };
        });
      };
      const reference = run("never");
      expect(run("always")).toEqual(reference);
      expect(run("auto")).toEqual(reference);
    },
  );
});
