import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { plotCommandLine, plotFiles, type SweepData } from "../../src/plot/buildPlots.js";
import { plotSources } from "../../src/plot/seriesSources.js";
import { bufferIo } from "../cli/bufferIo.js";

const committed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "docs", "plots", "sweep.json"), "utf8")) as SweepData;
/** Two programs of the committed plots, in library order, each as the sweep of its own (real, recorded) points. */
const [first, second] = committed.settings.programs.slice(0, 2);
const alone = (program: string, maxN: number, budget: number | null): SweepData => {
  const settings = { programs: [program], maxN, maxNTokenwise: 2, seed: committed.settings.seed, budget };
  return { command: plotCommandLine(settings), settings, points: committed.points.filter((p) => p.program === program) };
};

/** A fresh directory holding `data` as its sweep.json. */
function sweepDir(data: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "apmdm-merge-"));
  writeFileSync(join(dir, "sweep.json"), typeof data === "string" ? data : JSON.stringify(data));
  return dir;
}

describe("apmdm plot --merge", () => {
  it("writes the plots of the union: every point of every part, each figure with the command and settings of its part", async () => {
    const [a, b] = [alone(first, 256, null), alone(second, 1024, 3600)];
    const out = join(mkdtempSync(join(tmpdir(), "apmdm-merge-")), "out");
    const io = bufferIo();
    // Given in the other order: the union is in library order all the same.
    expect(await runCli(["plot", "--merge", `${sweepDir(b)},${sweepDir(a)}`, "--out", out], io)).toBe(0);
    const merged = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")) as SweepData;
    expect(merged.settings).toEqual({ programs: [first, second], maxN: 1024, maxNTokenwise: 2, seed: committed.settings.seed, budget: null });
    expect(merged.points).toEqual([...a.points, ...b.points]);
    expect(merged.parts).toEqual([b, a].map(({ command, settings }) => ({ command, settings })));
    expect(merged.command).toBe(`${b.command} + ${a.command}, merged by apmdm plot --merge`);
    for (const part of [a, b]) {
      const figure = JSON.parse(readFileSync(join(out, `${part.settings.programs[0]}-steps.json`), "utf8")) as { command: string; settings: unknown };
      expect([figure.command, figure.settings]).toEqual([part.command, part.settings]);
    }
    for (const f of await plotFiles(merged, plotSources())) expect(readFileSync(join(out, f.name), "utf8"), f.name).toBe(f.text);
    expect(readFileSync(join(out, "fits.md"), "utf8")).toContain(`Fitted by \`${merged.command}\``);
    // A merged sweep merges again as its parts: the same data.
    const again = join(mkdtempSync(join(tmpdir(), "apmdm-merge-")), "out");
    expect(await runCli(["plot", "--merge", out, "--out", again], bufferIo())).toBe(0);
    expect(JSON.parse(readFileSync(join(again, "sweep.json"), "utf8"))).toEqual(merged);
  });

  it("refuses overlapping programs, mixed seeds, unreadable or foreign files and other options, with one line, writing nothing", async () => {
    const a = sweepDir(alone(first, 8, null));
    const missing = join(tmpdir(), "apmdm-merge-nowhere");
    const cases: [string[], string][] = [
      [[a, sweepDir(alone(first, 4, null))], `'${first}' is also measured in ${join(a, "sweep.json")}`],
      [[a, sweepDir({ ...alone(second, 8, null), settings: { ...alone(second, 8, null).settings, seed: 99 } })], `seed 99, but ${join(a, "sweep.json")} has seed ${committed.settings.seed}`],
      [[a, missing], `${join(missing, "sweep.json")}: cannot read it (ENOENT)`],
      [[a, sweepDir("{ not json")], "not JSON"],
      [[a, sweepDir({ points: [] })], "not a sweep written by apmdm plot"],
    ];
    for (const [dirs, message] of cases) {
      const out = join(mkdtempSync(join(tmpdir(), "apmdm-merge-")), "out");
      const io = bufferIo();
      expect(await runCli(["plot", "--merge", dirs.join(","), "--out", out], io)).toBe(2);
      expect(io.stderr()).toMatch(/^apmdm plot: [^\n]+\n$/);
      expect(io.stderr()).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
    const io = bufferIo();
    const out = join(mkdtempSync(join(tmpdir(), "apmdm-merge-")), "out");
    expect(await runCli(["plot", "--merge", a, "--out", out, "--max-n", "4"], io)).toBe(2);
    expect(io.stderr()).toBe("apmdm plot: --merge takes only --out (it measures nothing), got --max-n\n");
    expect(existsSync(out)).toBe(false);
  });
});
