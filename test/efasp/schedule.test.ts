import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { attend, bonus } from "../../src/efasp/attend.js";
import { compile } from "../../src/efasp/compile.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import type { Feature, Head } from "../../src/efasp/feature.js";
import { compare, constant, linear } from "../../src/efasp/local.js";
import { schedule } from "../../src/efasp/schedule.js";
import { token } from "../../src/efasp/sources.js";
import { topoOrder } from "../../src/efasp/topoOrder.js";
import { arbitraryProgram } from "../../src/efasp/arbitraryProgram.js";

const x = token("x", [0, 1, 2, 3]);
const layersOf = (out: Feature) => {
  const program: EfaspProgram = { name: "s", vocab: ["a", "b", "c", "d"], maskToken: 0, output: { kind: "scores", features: [out, out, out, out] }, control: null, causal: false };
  return compile(program).schedule;
};
const positive = (f: Feature) => compare(`${f.name}>0`, "gt", f, constant(0));
const maxOf = (f: Feature) => attend(`max ${f.name}`, [bonus(1, f)], [f])[0];

describe("schedule: as soon as possible, layer = attention then MLP", () => {
  it("token and linear features need no layer", () => {
    expect(layersOf(linear("2x+1", [[2, x]], 1)).layers).toBe(0);
  });

  it("a chain of non-linear ops takes one MLP per op; linear steps between them are free", () => {
    const s = layersOf(positive(linear("l", [[1, positive(linear("l", [[1, positive(x)]], -1))]], 1)));
    expect(s.layers).toBe(3);
    expect(s.heads.flat()).toEqual([]);
    expect(s.mlp.map((fs) => fs.length)).toEqual([1, 1, 1]);
  });

  it("an MLP reads its own layer's attention; a head reads the previous layer's MLP", () => {
    const s = layersOf(maxOf(positive(maxOf(x))));
    expect(s.layers).toBe(2);
    expect(s.heads.map((hs) => hs.length)).toEqual([1, 1]);
    expect(s.mlp.map((fs) => fs.length)).toEqual([1, 0]);
  });

  test.prop([arbitraryProgram], { numRuns: 200 })("no head or MLP op could run a stage earlier (generated programs)", (g) => {
    const order = topoOrder(g.program);
    const s = schedule(order);
    // stage: 0 embedding; layer l's attention 2l + 1, its MLP 2l + 2; a linear feature, its latest input.
    const stage = new Map<number, number>();
    s.heads.forEach((hs, l) => hs.forEach((h) => order.forEach((f) => f.kind === "aggregate" && f.head.id === h.id && stage.set(f.id, 2 * l + 1))));
    s.mlp.forEach((fs, l) => fs.forEach((f) => stage.set(f.id, 2 * l + 2)));
    for (const f of order) {
      if (f.kind === "token" || f.kind === "position") stage.set(f.id, 0);
      const inputs = f.kind === "aggregate" ? order.filter((d) => headReads(f.head, d)) : f.kind === "local" ? f.inputs : [];
      const ready = Math.max(0, ...inputs.map((d) => stage.get(d.id)!));
      if (f.kind === "local" && !stage.has(f.id)) stage.set(f.id, ready);
      const at = stage.get(f.id)!;
      if (f.kind === "aggregate") expect(at).toBe(ready % 2 === 0 ? ready + 1 : ready + 2);
      else if (f.kind === "local" && s.mlp.some((fs) => fs.includes(f))) expect(at).toBe(ready % 2 === 1 ? ready + 1 : ready + 2);
    }
  });
});

/** Whether a head's scores or values read f. */
function headReads(h: Head, f: Feature): boolean {
  return h.values.includes(f) || h.score.some((t) => t.q.terms.some(([, d]) => d === f) || t.k.terms.some(([, d]) => d === f));
}
