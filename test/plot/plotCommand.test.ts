import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { progressBar } from "../../src/plot/progressBar.js";
import { bufferIo } from "../cli/bufferIo.js";

describe("apmdm plot", () => {
  it("writes an SVG and its JSON per program and metric, plus fits.md", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-plot-")), "out");
    const io = bufferIo();
    expect(await runCli(["plot", "--out", dir, "--max-n", "2", "--programs", "prefix-sums"], io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["fits.md", "prefix-sums-context.json", "prefix-sums-context.svg", "prefix-sums-steps.json", "prefix-sums-steps.svg"]);
    expect(io.stdout()).toBe(`wrote 5 files to ${dir}\n`);
  });

  it("rejects bad settings with one line and writes nothing", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-plot-")), "out");
    for (const [argv, message] of [
      [["plot"], "apmdm plot: --out DIR is required\n"],
      [["plot", "--out", dir, "--max-n", "x"], "apmdm plot: --max-n must be an integer ≥ 1, got 'x'\n"],
      [["plot", "--out", dir, "--programs", "nope"], /^apmdm plot: 'nope' is not a library program \(.*prefix-sums.*\)\n$/],
    ] as const) {
      const io = bufferIo();
      expect(await runCli(argv, io)).toBe(2);
      if (typeof message === "string") expect(io.stderr()).toBe(message);
      else expect(io.stderr()).toMatch(message);
      expect(existsSync(dir)).toBe(false);
    }
  });
});

describe("progressBar", () => {
  it("redraws one line in place and clears it at the end", () => {
    let drawn = "";
    const bar = progressBar({ write: (s) => (drawn += s), columns: 60 });
    bar.update(3, 12, "prefix-sums n=4 MDM");
    bar.finish();
    expect(drawn).toBe("\r\x1b[2K[######------------------] 3/12 prefix-sums n=4 MDM\r\x1b[2K");
  });
});
