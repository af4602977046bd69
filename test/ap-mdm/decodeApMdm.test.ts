import { describe, expect, it } from "vitest";
import { decodeApMdm } from "../../src/ap-mdm/decodeApMdm.js";
import { seededRandom } from "../../src/ap-mdm/seededRandom.js";
import { MdmError } from "../../src/mdm/MdmError.js";
import { fakePredictor as fake, M } from "./fakePredictor.js";

// Grows a canvas to length 4 (the last position inserts), unmasking each mask to a tie of a/b/c.
const grow = fake((x, i) => ({ tied: [1, 2, 3], bits: [0, x.length < 4 && i === x.length - 1 ? 1 : 0, 0] }));

describe("decodeApMdm", () => {
  it("ends at a fixed point, counting the checking step, with meters and a trace", () => {
    const r = decodeApMdm(grow, Int32Array.of(M), { maxSteps: 10, trace: true });
    // step 1: [a M]; 2: [a a M]; 3: [a a a M]; 4: [a a a a]; 5: nothing changes.
    expect(Array.from(r.canvas)).toEqual([1, 1, 1, 1]);
    expect(r.end).toBe("fixed-point");
    expect(r.meters).toEqual({ steps: 5, peakContext: 4, finalContext: 4, unmasked: 4, remasked: 0, inserted: 3, deleted: 0, flops: 50, work: 50, fullPasses: 5 });
    expect(r.trace!.canvases.map((c) => Array.from(c))).toEqual([[M], [1, M], [1, 1, M], [1, 1, 1, M], [1, 1, 1, 1], [1, 1, 1, 1]]);
    expect(r.trace!.edits[0]).toEqual({ step: 1, unmask: [0], remask: [], insert: [0], delete: [] });
    expect(r.trace!.edits[4]).toEqual({ step: 5, unmask: [], remask: [], insert: [], delete: [] });
  });

  it("samples only among the tied tokens, reproducibly from its seed, and reaches every tie", () => {
    const words = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const a = decodeApMdm(grow, Int32Array.of(M), { maxSteps: 10, ties: { kind: "sample", seed } });
      const b = decodeApMdm(grow, Int32Array.of(M), { maxSteps: 10, ties: { kind: "sample", seed } });
      expect(Array.from(a.canvas)).toEqual(Array.from(b.canvas));
      for (const t of a.canvas) expect([1, 2, 3]).toContain(t);
      words.add(Array.from(a.canvas).join(""));
    }
    expect(words.size).toBeGreaterThan(20);
    for (const t of [1, 2, 3]) expect([...words].some((w) => w.startsWith(String(t)))).toBe(true);
  });

  it("draws nothing where only one token attains the maximum", () => {
    const single = fake((x, i) => ({ tied: [2], bits: [0, x.length < 3 && i === x.length - 1 ? 1 : 0, 0] }));
    const r = decodeApMdm(single, Int32Array.of(M), { maxSteps: 10, ties: { kind: "sample", seed: 9 } });
    expect(Array.from(r.canvas)).toEqual([2, 2, 2]);
  });

  it("remasks and deletes: a token becomes M, then the mask goes", () => {
    // [a b]: position 1 (b) remasks; then the mask deletes. Fixed point [a].
    const shrink = fake((x, i) => ({ tied: [1], bits: [x.length === 2 && x[i] === 2 ? 1 : 0, 0, x[i] === M ? 1 : 0] }));
    const r = decodeApMdm(shrink, Int32Array.of(1, 2), { maxSteps: 10, trace: true });
    expect(Array.from(r.canvas)).toEqual([1]);
    expect(r.meters).toMatchObject({ steps: 3, peakContext: 2, finalContext: 1, remasked: 1, deleted: 1, unmasked: 0, inserted: 0 });
    expect(r.trace!.edits.map((e) => [e.remask, e.delete])).toEqual([[[1], []], [[], [1]], [[], []]]);
  });

  it("stops when onStep asks, with the canvas of that step", () => {
    const r = decodeApMdm(grow, Int32Array.of(M), { maxSteps: 10, onStep: (canvas) => (canvas.length === 3 ? "stop" : undefined) });
    expect(r.end).toBe("stopped");
    expect(r.meters.steps).toBe(2);
    expect(Array.from(r.canvas)).toEqual([1, 1, M]);
  });

  it("reports a step that changes nothing with masks left as stuck, and the step cap", () => {
    const stuck = fake(() => ({ tied: [M], bits: [0, 0, 0] }));
    expect(() => decodeApMdm(stuck, Int32Array.of(1, M), { maxSteps: 10 })).toThrow(new MdmError("stuck", "step 1 changed nothing with 1 masks left (canvas length 2)"));
    // Remask and unmask forever: a ↔ M.
    const flip = fake((x, i) => ({ tied: [1], bits: [x[i] === M ? 0 : 1, 0, 0] }));
    expect(() => decodeApMdm(flip, Int32Array.of(1), { maxSteps: 6 })).toThrow(/passed its cap of 6 steps/);
    try {
      decodeApMdm(flip, Int32Array.of(1), { maxSteps: 6 });
    } catch (e) {
      expect((e as MdmError).code).toBe("mdm/step-cap");
    }
  });
});

describe("seededRandom", () => {
  it("replays from its seed, and below(b) stays in [0, b) and reaches every value", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 8 }, () => a.next());
    expect(Array.from({ length: 8 }, () => b.next())).toEqual(xs);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    const r = seededRandom(7);
    const seen = new Set<number>();
    for (let k = 0; k < 500; k++) {
      const v = r.below(7);
      expect(v >= 0 && v < 7).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(7);
    expect(seededRandom(1).below(1)).toBe(0);
    expect(seededRandom(1).next()).not.toBe(seededRandom(2).next());
  });
});
