import { describe, expect, it } from "vitest";
import type { Predictor } from "../../../src/mdm/predictor.js";
import { parsePuzzle } from "../../../src/experiments/sudoku/parsePuzzle.js";
import { rulesPredictor } from "../../../src/experiments/sudoku/rulesPredictor.js";
import { SudokuCheckError, solveSudoku } from "../../../src/experiments/sudoku/solveSudoku.js";
import { sudokuExperiment } from "../../../src/experiments/sudoku/sudokuExperiment.js";

const EASY = `.........${"653497812179582346517824639346759281982613574735961428498275163261348957"}`;
const STUCK = `12345678.........9${".".repeat(63)}`;
const sets = [{ name: "two", puzzles: [EASY, STUCK].map((p, k) => ({ line: k + 1, grid: parsePuzzle(p) })) }];
const settings = { runs: 1, seed: 3, maxN: 2 };
/** The rules spec, except that the first unmask of a step takes the wrong digit. */
const sabotaged: Predictor = {
  ...rulesPredictor,
  predict(tokens) {
    const p = rulesPredictor.predict(tokens);
    const first = tokens.findIndex((t, i) => t === 0 && i % 4 === 0 && p.prediction[i] >= 1 && p.prediction[i] <= 9);
    const prediction = Int32Array.from(p.prediction);
    if (first >= 0) prediction[first] = (prediction[first] % 9) + 1;
    return { ...p, prediction };
  },
};

describe("apmdm prove experiments: Sudoku", () => {
  it("passes over the weights on a small set and a generated puzzle, reporting checks, fits and margins", async () => {
    const r = await sudokuExperiment(settings, { sets });
    expect(r.checks.map((c) => [c.passed, c.cases])).toEqual([[true, 3], [true, 3], [true, 3]]);
    expect(r.runs).toBe(3);
    expect(r.programs).toEqual(["sudoku: two (2 puzzles)", "sudoku: 1 generated puzzles (seed 3)"]);
    expect(r.bounds.every((b) => b.holds)).toBe(true);
    expect(r.margins.map((m) => m.value)).toEqual([1, 1]);
    expect(r.counterexample).toBeNull();
  });

  it("catches a model that strays from the rules, and names the puzzle and the command that replays it", async () => {
    const r = await sudokuExperiment({ ...settings, runs: 1 }, { sets, predictor: sabotaged });
    expect(r.checks.some((c) => !c.passed)).toBe(true);
    expect(r.counterexample).toMatchObject({ program: "sudoku", replay: `apmdm sudoku solve ${EASY}` });
  });

  it("solveSudoku's check passes the rules spec on every step and stops a stray model at its first stray step", () => {
    const puzzle = parsePuzzle(".2...6.9...34..8..17....3.....8......467.92........5.47....1..8..82.5....6...89..");
    expect(solveSudoku(puzzle, { predictor: rulesPredictor, check: true }).meters.steps).toBe(25);
    expect(() => solveSudoku(puzzle, { predictor: sabotaged, check: true })).toThrow(new SudokuCheckError(1));
  });
});
