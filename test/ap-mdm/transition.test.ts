import { fc, test } from "@fast-check/vitest";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isEmptyScript } from "../../src/ap-mdm/editScript.js";
import { type ControlBits, transition } from "../../src/ap-mdm/transition.js";

interface Vector {
  readonly name: string;
  readonly x: string[];
  readonly y: string[];
  readonly control: [number, number, number][];
  readonly expected: string[];
}

const vectors = (JSON.parse(readFileSync(new URL("../fixtures/ap-mdm-transition.json", import.meta.url), "utf8")) as { cases: Vector[] }).cases;

const M = 0;
const bits = (control: readonly (readonly number[])[]): ControlBits =>
  [0, 1, 2].map((k) => Uint8Array.from(control, (c) => c[k])) as unknown as ControlBits;

describe("the AP-MDM transition g", () => {
  it.each(vectors.map((v) => [v.name, v] as const))("shared vector: %s", (_, v) => {
    const names = ["M", ...new Set([...v.x, ...v.y, ...v.expected].filter((t) => t !== "M"))];
    const id = (t: string) => names.indexOf(t);
    const r = transition(Int32Array.from(v.x, id), Int32Array.from(v.y, id), bits(v.control), M, 1);
    expect(Array.from(r.canvas, (t) => names[t])).toEqual(v.expected);
  });

  it("lists each edit at its position in the canvas before the step", () => {
    // x = a M b M c with: remask a (and insert after it), unmask 1 → d, keep b (its delete bit ignored), delete 3 (its insert too), keep c.
    const r = transition(Int32Array.of(1, M, 2, M, 3), Int32Array.of(9, 4, 9, 9, 9), bits([[1, 1, 0], [0, 0, 0], [0, 0, 1], [0, 1, 1], [0, 0, 0]]), M, 7);
    expect(Array.from(r.canvas)).toEqual([M, M, 4, 2, 3]);
    expect(r.edits).toEqual({ step: 7, unmask: [1], remask: [0], insert: [0], delete: [3] });
  });

  it("records no edit for a mask that stays masked (remask bit, or predicting M)", () => {
    const r = transition(Int32Array.of(M, M), Int32Array.of(5, M), bits([[1, 0, 0], [0, 0, 0]]), M, 1);
    expect(Array.from(r.canvas)).toEqual([M, M]);
    expect(isEmptyScript(r.edits)).toBe(true);
  });

  // A random step: tokens 0 (= M) … 4, predictions 0 … 4, any control bits.
  const stepArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.boolean(), fc.boolean()), { maxLength: 24 })
    .map((rows) => ({
      x: Int32Array.from(rows, (r) => r[0]),
      y: Int32Array.from(rows, (r) => r[1]),
      control: bits(rows.map((r) => [Number(r[2]), Number(r[3]), Number(r[4])])),
    }));

  test.prop([stepArb])("length after = length + inserts − deletes", ({ x, y, control }) => {
    const r = transition(x, y, control, M, 1);
    expect(r.canvas.length).toBe(x.length + r.edits.insert.length - r.edits.delete.length);
  });

  test.prop([stepArb])("only masks are deleted or unmasked; only unmasked tokens are remasked; nothing else changes", ({ x, y, control }) => {
    const { edits } = transition(x, y, control, M, 1);
    for (const i of [...edits.delete, ...edits.unmask]) expect(x[i]).toBe(M);
    for (const i of edits.remask) expect(x[i]).not.toBe(M);
    for (const i of edits.insert) expect(edits.delete).not.toContain(i);
  });

  test.prop([stepArb])("an unmasked token changes only through remask; kept tokens keep their order", ({ x, y, control }) => {
    const r = transition(x, y, control, M, 1);
    // Walk the new canvas: each surviving old position emits one token, then its inserted mask.
    const deleted = new Set(r.edits.delete);
    const inserted = new Set(r.edits.insert);
    const remasked = new Set(r.edits.remask);
    const kept: number[] = [];
    let k = 0;
    for (let i = 0; i < x.length; i++) {
      if (deleted.has(i)) continue;
      const emitted = r.canvas[k++];
      if (x[i] !== M) expect(emitted).toBe(remasked.has(i) ? M : x[i]);
      if (x[i] !== M && !remasked.has(i)) kept.push(x[i]);
      if (inserted.has(i)) expect(r.canvas[k++]).toBe(M);
    }
    expect(k).toBe(r.canvas.length);
    // The unmasked tokens of x that were not remasked appear in the same order among the new canvas's tokens.
    const survivors = Array.from(x).filter((t, i) => t !== M && !remasked.has(i));
    expect(survivors).toEqual(kept);
  });

  test.prop([stepArb])("an empty edit script means the canvas did not change", ({ x, y, control }) => {
    const r = transition(x, y, control, M, 1);
    if (isEmptyScript(r.edits)) expect(Array.from(r.canvas)).toEqual(Array.from(x));
  });

  it("the converse fails: an insert and a delete can cancel out, so 'changed' is judged on the canvas", () => {
    const r = transition(Int32Array.of(M, M), Int32Array.of(M, M), bits([[0, 1, 0], [0, 0, 1]]), M, 1);
    expect(Array.from(r.canvas)).toEqual([M, M]);
    expect(r.edits).toEqual({ step: 1, unmask: [], remask: [], insert: [0], delete: [1] });
  });
});
