import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { allocate, isVirtual } from "../../src/efasp/allocate.js";
import { topoOrder } from "../../src/efasp/topoOrder.js";
import { arbitraryProgram } from "../../src/efasp/arbitraryProgram.js";

describe("allocate", () => {
  test.prop([arbitraryProgram], { numRuns: 200 })("one labelled dimension per materialised feature; linear ones virtual over those dimensions", (g) => {
    const order = topoOrder(g.program);
    const a = allocate(order);
    const materialised = order.filter((f) => !isVirtual(f));
    expect(a.width).toBe(1 + materialised.length);
    expect(a.labels[0]).toBe("one");
    expect(new Set(a.labels).size).toBe(a.width);
    expect(new Set(materialised.map((f) => a.dim.get(f.id))).size).toBe(materialised.length);
    for (const f of order) {
      if (isVirtual(f)) {
        expect(a.dim.has(f.id)).toBe(false);
        for (const dim of a.affine.get(f.id)!.terms.keys()) expect(dim).toBeGreaterThan(0);
      } else {
        expect(a.labels[a.dim.get(f.id)!]).toMatch(new RegExp(`^${f.name.replace(/[^\w]/g, "\\$&")}(#${f.id})?$`));
        expect([...a.affine.get(f.id)!.terms]).toEqual([[a.dim.get(f.id), 1]]);
      }
    }
    expect(a.positions[0]).toEqual({ spec: { kind: "one" }, dim: 0 });
  });
});
