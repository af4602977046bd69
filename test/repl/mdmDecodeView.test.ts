import { describe, expect, it } from "vitest";
import type { MdmRun } from "../../src/mdm/mdmRun.js";
import { mdmDecodeView } from "../../src/repl/mdmDecodeView.js";
import { palette } from "../../src/repl/palette.js";
import { renderCanvas } from "../../src/repl/renderCanvas.js";

// A hand-made traced run: BOS, 2 inputs, blocks t1 and t2 of 2 positions each, 1 output; M = token 0.
const vocab = ["M", "BOS", "0", "1", "2"];
const names = ["BOS", "input x0", "input x1", "t1 p0 pc", "t1 p0 val", "t2 p0 pc", "t2 p0 val", "output mem[0]"];
const canvases = [
  [1, 3, 4, 0, 0, 0, 0, 0],
  [1, 3, 4, 2, 3, 0, 0, 0],
  [1, 3, 4, 2, 3, 4, 2, 0],
  [1, 3, 4, 2, 3, 4, 2, 4],
].map((c) => Int32Array.from(c));
const run: MdmRun = {
  program: "toy",
  n: 2,
  model: "mdm",
  output: [2],
  pramOutput: [2],
  pramMeters: { T: 2, P: 1, W: 2, S: 2, reads: 0, writes: 0 },
  meters: { steps: 3, context: 8, layers: 1, heads: 1, width: 4, params: 10, flops: 100, work: 100, fullPasses: 3, unmaskedPerStep: [2, 2, 1] },
  vocab,
  canvases,
  describe: (i) => names[i],
};

describe("mdmDecodeView", () => {
  const view = mdmDecodeView(run, null);

  it("marks each cell masked, just unmasked, or kept", () => {
    expect(view.steps).toBe(3);
    expect(view.frame(1).map((c) => c.kind)).toEqual(["kept", "kept", "kept", "unmasked", "unmasked", "masked", "masked", "masked"]);
    expect(view.frame(3).map((c) => c.kind)).toEqual(["kept", "kept", "kept", "kept", "kept", "kept", "kept", "unmasked"]);
  });

  it("matches frame k with the last PRAM step whose block is complete", () => {
    expect([0, 1, 2, 3].map(view.pramStep)).toEqual([0, 1, 2, 2]);
  });

  it("renders rows per region, collapses masked rows, and marks kinds in plain mode", () => {
    expect(renderCanvas(view, 1, palette(false), 80)).toEqual([
      "MDM canvas, step 1/3 (8 positions)",
      "BOS    BOS",
      "input  1 2",
      "t1     +0 +1",
      "t2…output: all masked (3)",
    ]);
  });

  it("colours kinds with ANSI codes when colour is on, and not otherwise", () => {
    expect(renderCanvas(view, 1, palette(true), 80).join("\n")).toMatch(/\x1b\[/);
    expect(renderCanvas(view, 1, palette(false), 80).join("\n")).not.toMatch(/\x1b\[/);
  });

  it("wraps long rows to the width, keeping every token", () => {
    const [, ...rows] = renderCanvas(view, 3, palette(false), 10);
    expect(rows).toEqual(["BOS    BOS", "input  1 2", "t1     0 1", "t2     2 0", "output +2"]);
    const [, ...narrow] = renderCanvas(view, 3, palette(false), 8);
    expect(narrow).toEqual(["BOS    BOS", "input  1", "       2", "t1     0", "       1", "t2     2", "       0", "output +2"]);
  });
});
