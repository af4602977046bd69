import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { attendHead } from "../../src/transformer/attendHead.js";
import type { AttentionKind } from "../../src/transformer/transformerConfig.js";

/** The definition, written plainly: one query at a time, one key at a time. */
function naive(q: number[][], k: number[][], v: number[][], causal: boolean, kind: AttentionKind) {
  return q.map((qi, i) => {
    const keys = causal ? i + 1 : k.length;
    const scores = k.slice(0, keys).map((kj) => qi.reduce((s, x, t) => s + x * kj[t], 0));
    const best = Math.max(...scores);
    const below = scores.filter((s) => s < best);
    const margin = below.length === 0 ? Infinity : best - Math.max(...below);
    const selected = scores.flatMap((s, j) => (s === best ? [j] : []));
    const dV = v[0].length;
    let out: number[];
    if (kind.kind === "average-hard") {
      out = Array.from({ length: dV }, (_, c) => selected.reduce((s, j) => s + v[j][c], 0) / selected.length);
    } else {
      const w = scores.map((s) => Math.exp(kind.beta * (s - best)));
      const total = w.reduce((a, b) => a + b, 0);
      out = Array.from({ length: dV }, (_, c) => w.reduce((s, wj, j) => s + wj * v[j][c], 0) / total);
    }
    return { out, margin, selected };
  });
}

const small = fc.integer({ min: -3, max: 3 });
const cases = fc
  .record({ n: fc.integer({ min: 1, max: 11 }), dQK: fc.integer({ min: 0, max: 5 }), dV: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, dQK, dV }) =>
    fc.record({
      q: fc.array(fc.array(small, { minLength: dQK, maxLength: dQK }), { minLength: n, maxLength: n }),
      k: fc.array(fc.array(small, { minLength: dQK, maxLength: dQK }), { minLength: n, maxLength: n }),
      v: fc.array(fc.array(small, { minLength: dV, maxLength: dV }), { minLength: n, maxLength: n }),
      causal: fc.boolean(),
      kind: fc.oneof(fc.constant<AttentionKind>({ kind: "average-hard" }), fc.constantFrom(0, 0.5, 2).map((beta): AttentionKind => ({ kind: "softmax", beta }))),
    }),
  );

describe("attendHead", () => {
  test.prop([cases], { numRuns: 400 })("equals the plain definition exactly: outputs, selected keys, margins", ({ q, k, v, causal, kind }) => {
    const n = q.length;
    const dQK = q[0].length;
    const dV = v[0].length;
    const out = new Float64Array(n * dV);
    const selected: number[][] = new Array(n);
    const m = attendHead(Float64Array.from(q.flat()), Float64Array.from(k.flat()), Float64Array.from(v.flat()), n, dQK, dV, causal, kind, out, { scores: new Float64Array(2 * n), maximal: new Int32Array(n) }, selected, { layer: 0, head: 0 });
    const want = naive(q, k, v, causal, kind);
    expect(Array.from(out)).toEqual(want.flatMap((w) => w.out));
    expect(selected).toEqual(want.map((w) => w.selected));
    expect(m.minMargin).toBe(Math.min(...want.map((w) => w.margin)));
  });
});
