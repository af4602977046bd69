import { describe, expect, it } from "vitest";
import { enumerateApMdm } from "../../src/ap-mdm/enumerateApMdm.js";
import { fakePredictor as fake, M } from "./fakePredictor.js";

describe("enumerateApMdm", () => {
  it("takes every combination of ties at the positions that take a token, and only there", () => {
    // Two masks, each a or b; a third, deleted, mask's ties (c) must not matter.
    const p = fake((x, i) => ({ tied: x[i] === M && i < 2 ? [1, 2] : [3], bits: [0, 0, i === 2 && x[i] === M ? 1 : 0] }));
    const e = enumerateApMdm(p, Int32Array.of(M, M, M), 100);
    expect(e.finals.map((f) => Array.from(f).join("")).sort()).toEqual(["11", "12", "21", "22"]);
    expect(e.states).toBe(5);
    expect(e.transitions).toBe(4 + 4);
  });

  it("does not expand a canvas twice, so it ends on a cycle; a choice that changes nothing with masks left is stuck", () => {
    // a ↔ M forever under one choice, or M → b, a fixed point.
    const cycle = fake((x, i) => ({ tied: [1, 2], bits: [x[i] === 1 ? 1 : 0, 0, 0] }));
    const e = enumerateApMdm(cycle, Int32Array.of(M), 100);
    expect(e.finals.map((f) => Array.from(f))).toEqual([[2]]);
    const stuck = fake(() => ({ tied: [M, 1], bits: [0, 0, 0] }));
    expect(() => enumerateApMdm(stuck, Int32Array.of(M), 100)).toThrow(/does not change with masks left/);
    const grow = fake(() => ({ tied: [1], bits: [0, 1, 0] }));
    expect(() => enumerateApMdm(grow, Int32Array.of(1), 10)).toThrow("enumeration passed 10 canvases");
  });
});
