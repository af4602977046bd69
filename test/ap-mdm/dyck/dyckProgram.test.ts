import { describe, expect, it } from "vitest";
import { ApMdmError } from "../../../src/ap-mdm/ApMdmError.js";
import { decodeApMdm } from "../../../src/ap-mdm/decodeApMdm.js";
import { dyckProgram } from "../../../src/ap-mdm/dyck/dyckProgram.js";
import { dyckSteps, sampleDyck } from "../../../src/ap-mdm/dyck/sampleDyck.js";
import { allTwoSidedDyck, isTwoSidedDyck } from "../../../src/ap-mdm/dyck/twoSidedDyck.js";
import { enumerateApMdm } from "../../../src/ap-mdm/enumerateApMdm.js";
import { evaluatorPredictor } from "../../../src/mdm/evaluatorPredictor.js";

describe("Theorem 5: the two-sided Dyck-k AP-MDM", () => {
  it("goes through the phases A, B, C, D, E (per pair) and F, as docs/theorem5.md shows", () => {
    const c = dyckProgram(2, 6);
    const s = sampleDyck(c, 4, { trace: true });
    const canvases = s.decode.trace!.canvases.map((x) => Array.from(x, (t) => c.vocab.names[t]).join(" "));
    expect(canvases).toEqual([
      "^", // A: grow
      "^ M", // B: sample a gap (only @0 here)
      "^ @0", // C: position 0 opens the gap
      "^ M @0", // D: sample a letter (a), insert its partner's mask; @0 remasks
      "^ a M M", // E: unmask the inverse, drop the last mask, grow
      "^ a A M", // B: gaps 0, 1, 2 tie; @1 drawn
      "^ a A @1",
      "^ a M A @1",
      "^ a b M A M",
      "^ a b B A M", // B: gaps 0 … 4; @4 (after the last letter) drawn
      "^ a b B A @4",
      "^ a b B A M @4",
      "^ a b B A b M M", // E of the last round: ^ remasks instead of growing
      "M a b B A b B", // F: the mask deletes
      "a b B A b B", // F: nothing changes (the checking step)
      "a b B A b B",
    ]);
    expect(s.text).toBe("abBAbB");
    expect(s.word).toEqual([1, 2, -2, -1, 2, -2]);
    expect(s.decode.meters).toEqual({ steps: 15, peakContext: 8, finalContext: 6, unmasked: 9, remasked: 4, inserted: 9, deleted: 4, flops: 0, work: 0, fullPasses: 0 });
  });

  it("every sample is a valid two-sided Dyck-k word of the target length, in exactly 4m + 3 steps with peak context 2m + 2", () => {
    for (const k of [1, 2, 3]) {
      for (const length of [0, 2, 4, 6, 10, 14]) {
        const c = dyckProgram(k, length);
        for (let seed = 0; seed < 6; seed++) {
          const s = sampleDyck(c, seed);
          expect(s.word.length).toBe(length);
          expect(isTwoSidedDyck(s.word, k)).toBe(true);
          expect(s.decode.meters.steps).toBe(dyckSteps(length));
          expect(s.decode.meters.peakContext).toBe(length === 0 ? 1 : length + 2);
        }
      }
    }
  });

  it("the deterministic decode (lowest id on ties) always opens gap 0 with a_1: (a ā)^m", () => {
    const c = dyckProgram(3, 8);
    const r = decodeApMdm(evaluatorPredictor(c.program), c.initial, { maxSteps: dyckSteps(8) });
    expect(Array.from(r.canvas, (t) => c.vocab.names[t]).join("")).toBe("aAaAaAaA");
  });

  it("the choice tree reaches exactly the two-sided Dyck-k words of each short length (brute force)", () => {
    const cases: [number, number, number][] = [
      [1, 0, 1],
      [1, 2, 2],
      [1, 4, 6],
      [1, 6, 20],
      [1, 8, 70],
      [2, 2, 4],
      [2, 4, 28],
      [2, 6, 232],
      [3, 4, 66],
    ];
    for (const [k, length, count] of cases) {
      const c = dyckProgram(k, length);
      const e = enumerateApMdm(evaluatorPredictor(c.program), c.initial, 100_000);
      const reached = e.finals.map((x) => Array.from(x, (t) => c.vocab.letterOf(t)).join());
      const words = allTwoSidedDyck(k, length).map((w) => w.join());
      expect(new Set(reached).size).toBe(reached.length);
      expect(reached.length).toBe(count);
      expect([...reached].sort()).toEqual([...words].sort());
    }
  });

  it("rejects odd lengths and k outside 1 … 26", () => {
    expect(() => dyckProgram(2, 5)).toThrow(ApMdmError);
    expect(() => dyckProgram(2, 5)).toThrow("the target length must be an even integer ≥ 0 (a two-sided Dyck word has even length), got 5");
    expect(() => dyckProgram(0, 4)).toThrow("k must be an integer in 1 … 26, got 0");
    expect(() => dyckProgram(27, 4)).toThrow(ApMdmError);
  });
});
