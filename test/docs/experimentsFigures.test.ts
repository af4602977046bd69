import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePuzzle } from "../../src/experiments/sudoku/parsePuzzle.js";
import { readPuzzleFile, SUDOKU_DATA_DIR } from "../../src/experiments/sudoku/readPuzzleFile.js";
import { rulesPredictor } from "../../src/experiments/sudoku/rulesPredictor.js";
import { solveSudoku } from "../../src/experiments/sudoku/solveSudoku.js";
import type { MaxflowPoint } from "../../src/ap-mdm/maxflow/maxflowFigure.js";
import type { SudokuPoint } from "../../src/experiments/sudoku/sudokuFigure.js";
import { sudokuModel } from "../../src/experiments/sudoku/sudokuModel.js";
import { buildExperimentPlots, tableBegin, tableEnd } from "../../src/plot/experiments/buildExperimentPlots.js";
import { experimentFigures } from "../../src/plot/experiments/experimentFigures.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, "docs", "experiments");
const page = readFileSync(join(root, "docs", "experiments.md"), "utf8");
const maxflowPage = readFileSync(join(root, "docs", "maxflow.md"), "utf8");
const thousands = (x: number): string => x.toLocaleString("en-US");

describe("docs/experiments", () => {
  it("is what `apmdm plot --experiments` writes (Sudoku replayed over the rules spec, which takes the weights' steps; max-flow over its weights), quoted verbatim in experiments.md and maxflow.md", async () => {
    const committed = readdirSync(dir).sort();
    const { command } = JSON.parse(readFileSync(join(dir, "sudoku-steps.json"), "utf8")) as { command: string };
    const count = Number(/--max-n (\d+)/.exec(command)![1]);
    const produced = await buildExperimentPlots(experimentFigures({ sudoku: rulesPredictor }, count), count);
    expect(committed).toEqual(produced.map((f) => f.name).sort());
    for (const f of produced) expect(readFileSync(join(dir, f.name), "utf8"), f.name).toBe(f.text);
    const tables = produced.find((f) => f.name === "tables.md")!.text;
    const quote = (text: string, section: string) => text.slice(text.indexOf(tableBegin(section)), text.indexOf(tableEnd(section)));
    for (const [doc, section] of [[page, "sudoku"], [page, "maxflow"], [maxflowPage, "maxflow"]]) {
      expect(quote(doc, section), section).toBe(quote(tables, section));
      expect(quote(doc, section).length).toBeGreaterThan(tableBegin(section).length);
    }
  });

  it("quotes the Sudoku figures its prose states: the trail comparison, the search lengths and the compiled shape", () => {
    const prose = page.replace(/\s+/g, " ");
    const { data } = JSON.parse(readFileSync(join(dir, "sudoku-steps.json"), "utf8")) as { data: { points: SudokuPoint[] } };
    const trail = data.points.map((p) => p.unmaskOnlyContext);
    const mean = trail.reduce((a, b) => a + b, 0) / trail.length;
    const max = Math.max(...trail);
    expect(prose).toContain(`averages ${thousands(Math.round(mean))} tokens, ${(mean / 324).toFixed(1)}`);
    expect(prose).toContain(`reaches ${thousands(max)} (${Math.round(max / 324)} times)`);
    expect(prose).toContain(`the ${thousands(data.points.reduce((s, p) => s + p.steps, 0))} steps of the public set`);
    const hard = readPuzzleFile(`${SUDOKU_DATA_DIR}hard.txt`).map((p) => solveSudoku(p.grid, { predictor: rulesPredictor }).meters.steps);
    expect(prose).toContain(`the 17-clue puzzle takes ${thousands(hard[2])} steps and Inkala's ${thousands(hard[3])}`);
    const r = sudokuModel().report;
    expect(prose).toContain(`gives ${r.layers} layers, ${r.heads} heads, width ${r.width}, ${thousands(r.mlpUnits)} MLP units and ${thousands(r.params)} parameters`);
    expect(parsePuzzle(readFileSync(`${SUDOKU_DATA_DIR}public.txt`, "utf8").split("\n")[0])).toHaveLength(81);
    // The run over the weights (all 100 lines, --check) reported the rules spec's figures for every puzzle: its row is theirs.
    const run = data.points;
    const spread = (f: (p: SudokuPoint) => number, digits = 1) => `${(run.reduce((t, p) => t + f(p), 0) / run.length).toFixed(digits)} / ${Math.max(...run.map(f))}`;
    expect(run.map((p) => p.line)).toEqual(Array.from({ length: 100 }, (_, k) => k + 1));
    expect(page).toContain(`| 1–100 | 100 (every step checked) | ${spread((p) => p.steps)} | ${spread((p) => p.guesses)} | ${spread((p) => p.backtracks)} | ${spread((p) => p.remasks)} | 324 | ${spread((p) => p.unmaskOnlyContext)} |`);
    expect(prose).toContain(`every one of the ${thousands(run.reduce((t, p) => t + p.steps, 0))} steps was the one the rules specify`);
  });

  it("quotes the max-flow figures its prose states: the step range and the append-only comparison at 10 nodes", () => {
    const prose = page.replace(/\s+/g, " ");
    const { data } = JSON.parse(readFileSync(join(dir, "maxflow-steps.json"), "utf8")) as { data: { points: MaxflowPoint[] } };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const stepMeans = [4, 5, 6, 7, 8, 9, 10].map((n) => mean(data.points.filter((p) => p.nodes === n).map((p) => p.steps)));
    expect(prose).toContain(`${Math.floor(Math.min(...stepMeans))}–${Math.ceil(Math.max(...stepMeans))} steps on average at every size`);
    const ten = data.points.filter((p) => p.nodes === 10);
    const [trail, peak] = [mean(ten.map((p) => p.appendOnlyContext)), mean(ten.map((p) => p.peakContext))];
    expect(prose).toContain(`it averages ${Math.round(trail)} tokens against the AP-MDM's peak of ${Math.round(peak)} (${(trail / peak).toFixed(1)} times) and reaches ${Math.max(...ten.map((p) => p.appendOnlyContext))}`);
    expect(data.points.every((p) => p.exact && p.steps === p.formulaSteps && p.peakContext <= p.contextBound)).toBe(true);
  });
});
