import { describe, expect, it } from "vitest";
import { simulate } from "../../src/mdm/simulate.js";
import { apMdmDecodeView } from "../../src/repl/apMdmDecodeView.js";
import { palette } from "../../src/repl/palette.js";
import { renderCanvas } from "../../src/repl/renderCanvas.js";
import { increment } from "../mdm/incrementInstance.js";

describe("apMdmDecodeView", () => {
  const run = simulate(increment, [4, 7], { model: "ap-mdm", trace: true, backend: "evaluator" });
  const view = apMdmDecodeView(run, null);

  it("reads every frame through its edit script: the frame's live cells are exactly the canvas after the step", () => {
    expect(run.output).toEqual([7, 10]);
    for (let k = 0; k <= view.steps; k++) {
      const live = view.frame(k).filter((c) => c.position !== null);
      expect(live.map((c) => c.token)).toEqual(Array.from(run.canvases![k]));
      expect(live.map((c) => c.position)).toEqual(live.map((_, i) => i));
    }
  });

  it("shows each kind of edit where the script says, and counts agree with the meters", () => {
    const kinds = { unmasked: 0, remasked: 0, inserted: 0, deleted: 0 };
    for (let k = 1; k <= view.steps; k++) for (const c of view.frame(k)) if (c.kind in kinds) kinds[c.kind as keyof typeof kinds]++;
    const m = run.meters.apMdm!;
    expect(kinds).toEqual({ unmasked: m.unmask, remasked: m.remask, inserted: m.insert, deleted: m.delete });
    expect(Math.min(...Object.values(kinds))).toBeGreaterThan(0);
  });

  it("matches each frame with the PRAM step its clocks show: 0 first, one more per simulation step, T at the end", () => {
    const steps = Array.from({ length: view.steps + 1 }, (_, k) => view.pramStep(k));
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(run.pramMeters.T);
    for (let k = 1; k < steps.length; k++) expect(steps[k] - steps[k - 1]).toBeGreaterThanOrEqual(0);
    for (let k = 1; k < steps.length; k++) expect(steps[k] - steps[k - 1]).toBeLessThanOrEqual(1);
  });

  it("renders deleted cells with plain markers when colour is off", () => {
    const text = Array.from({ length: view.steps + 1 }, (_, k) => renderCanvas(view, k, palette(false), 120).join("\n")).join("\n");
    expect(text).toMatch(/-M\b/);
    expect(text).toMatch(/\^M\b/);
    expect(text).toMatch(/~M\b/);
    expect(text).not.toMatch(/\x1b\[/);
  });
});
