import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import type { SweepData } from "../../src/plot/buildPlots.js";
import { progressBar } from "../../src/plot/progressBar.js";
import { bufferIo } from "../cli/bufferIo.js";

describe("apmdm plot", () => {
  it("writes an SVG and its JSON per program and metric, plus fits.md", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-plot-")), "out");
    const io = bufferIo();
    expect(await runCli(["plot", "--out", dir, "--max-n", "2", "--programs", "prefix-sums"], io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["fits.md", "prefix-sums-context.json", "prefix-sums-context.svg", "prefix-sums-steps.json", "prefix-sums-steps.svg", "sweep.json"]);
    expect(io.stdout()).toBe(`wrote 6 files to ${dir}\n`);
    // stderr is not a terminal here: a line per finished size instead of the bar.
    expect(io.stderr()).toMatch(/^apmdm plot: prefix-sums n=1: MDM \d+\.\d s, AP-MDM \d+\.\d s, Masked-ARM \d+\.\d s, ARM \d+\.\d s\napmdm plot: prefix-sums n=2: .*\n$/);
  });

  it("with a budget records it and the sizes it reached; a spent budget measures only the first size of each series", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-plot-")), "out");
    const io = bufferIo();
    expect(await runCli(["plot", "--out", dir, "--budget", "1", "--max-n", "4", "--programs", "broadcast", "--engine", "full"], io)).toBe(0);
    const data = JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8")) as SweepData;
    expect(data.settings).toEqual({ programs: ["broadcast"], maxN: 4, maxNTokenwise: 4, seed: 1, budget: 1 });
    expect(data.command).toBe("apmdm plot --out docs/plots --max-n 4 --max-n-tokenwise 4 --budget 1 --seed 1 --programs broadcast");
    const sizes = (model: string) => data.points.filter((p) => p.model === model).map((p) => p.n);
    for (const model of ["mdm", "ap-mdm", "masked-arm", "arm"]) expect(sizes(model).slice(0, 1)).toEqual([1]);
    expect(sizes("pram")).toEqual([...new Set(data.points.filter((p) => p.model !== "pram").map((p) => p.n))]);
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
