import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../cli/bufferIo.js";
import { kindCounts, pageData } from "../../view/pageData.js";

const PUZZLE = ".2...6.9...34..8..17....3.....8......467.92........5.47....1..8..82.5....6...89..";
/** PUZZLE's solution with its first row blank: solved by propagation alone, in one step and a checking one. */
const EASY = `.........${"653497812179582346517824639346759281982613574735961428498275163261348957"}`;
/** Cell r1c9 has no candidate: unsolvable at once. */
const STUCK = `12345678.........9${".".repeat(63)}`;
const dir = mkdtempSync(join(tmpdir(), "apmdm-sudoku-"));

describe("apmdm sudoku solve", () => {
  it("rejects a bad puzzle in one line with exit 2, naming where and why, and writes no trace", async () => {
    const trace = join(dir, "bad.json");
    const cases: [string, RegExp][] = [
      [PUZZLE.slice(1), /80 characters, a puzzle has 81/],
      [`x${PUZZLE.slice(1)}`, /character 1 is 'x' \(row 1, column 1\)/],
      [`2${PUZZLE.slice(1)}`, /clue 2 appears twice in row 1 \(cells r1c1 and r1c2\)/],
      [`${PUZZLE.slice(0, 64)}2${PUZZLE.slice(65)}`, /clue 2 appears twice in column 2 \(cells r1c2 and r8c2\)/],
      [`${PUZZLE.slice(0, 9)}2${PUZZLE.slice(10)}`, /clue 2 appears twice in box 1 \(cells r1c2 and r2c1\)/],
    ];
    for (const [text, message] of cases) {
      const r = await cli("sudoku", "solve", text, "--trace", trace);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(existsSync(trace)).toBe(false);
    }
  });

  it("checks every line of --file before solving any, naming the line", async () => {
    const file = join(dir, "puzzles.txt");
    writeFileSync(file, `# two puzzles\n${PUZZLE}\n\n${PUZZLE.replace(".", "0").slice(0, 80)}\n`);
    const r = await cli("sudoku", "solve", "--file", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file} line 4: 80 characters`);
    expect(r.out).toBe("");
    expect((await cli("sudoku", "solve", "--file", join(dir, "none.txt"))).err).toMatch(/cannot read .*none\.txt: no such file/);
  });

  it("solves a file of puzzles into a table (exit 1: one has no solution), and the one-puzzle JSON and trace agree", async () => {
    const file = join(dir, "two.txt");
    writeFileSync(file, `${EASY}\n${STUCK}\n`);
    const table = await cli("sudoku", "solve", "--file", file);
    expect(table.code).toBe(1);
    expect(table.out).toMatch(/ {4}1 {2}solved\s+2\s+0\s+0\s+0\n {4}2 {2}unsolvable\s+2\s+0\s+0\s+0\n/);
    expect(table.out).toContain("| 2 | 1 | 1 | 2.0 | 2 | 0.0 | 0 | 324 | 540 |");
    expect(table.out).not.toContain("checked");
    const checked = await cli("sudoku", "solve", "--file", file, "--check");
    expect(checked.out).toBe(`${table.out}checked: each of the 4 steps is the one sudokuRules specifies\n`);
    const trace = join(dir, "trace.json");
    const one = await cli("sudoku", "solve", EASY, "--json", "--trace", trace);
    const json = JSON.parse(one.out);
    expect(json.outcome).toBe("solved");
    expect(json.meters).toMatchObject({ steps: 2, context: 324, unmasks: 27, guesses: 0, backtracks: 0, unmaskOnlyContext: 351 });
    expect(json.solution).toBe(`824136795${EASY.slice(9)}`);
    const t = JSON.parse(readFileSync(trace, "utf8"));
    expect(t.canvases).toHaveLength(3);
    expect(t.canvases.at(-1).split(" ").filter((_: string, i: number) => i % 4 === 0).join("")).toBe(json.solution);
  });

  it("--html writes the step viewer page: the 324-token canvas by row, the unmasked cells, the weights' residual stream", async () => {
    const html = join(dir, "easy.html");
    const r = await cli("sudoku", "solve", EASY, "--html", html);
    expect(r.code, r.err).toBe(0);
    const data = pageData(html);
    expect(data.label).toBe("AP-MDM Sudoku");
    expect(data.frames).toHaveLength(3);
    expect(data.describe.slice(0, 5)).toEqual(["row1 r1c1 value", "row1 r1c1 branch", "row1 r1c1 marker", "row1 r1c1 separator", "row1 r1c2 value"]);
    expect(data.describe[323]).toBe("row9 r9c9 separator");
    expect(kindCounts(data)).toMatchObject({ unmasked: 27, remasked: 0, inserted: 0, deleted: 0 });
    expect(Object.keys(data.residual!.frames)).toEqual(["0", "1"]);
    expect((await cli("sudoku", "solve", "--file", join(dir, "two.txt"), "--html", html)).err).toMatch(/--trace and --html record one puzzle's decode/);
  });
});
