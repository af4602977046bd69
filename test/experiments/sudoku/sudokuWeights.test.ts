import { fc, test } from "@fast-check/vitest";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { transition } from "../../../src/ap-mdm/transition.js";
import { evaluate } from "../../../src/efasp/evaluate.js";
import { parsePuzzle } from "../../../src/experiments/sudoku/parsePuzzle.js";
import { SUDOKU_DATA_DIR } from "../../../src/experiments/sudoku/readPuzzleFile.js";
import { type SudokuSolve, solveSudoku } from "../../../src/experiments/sudoku/solveSudoku.js";
import { sudokuProgram } from "../../../src/experiments/sudoku/sudokuProgram.js";
import { sudokuRules } from "../../../src/experiments/sudoku/sudokuRules.js";
import { MASK } from "../../../src/experiments/sudoku/sudokuVocabulary.js";
import { arbitraryPuzzle } from "../../../src/experiments/sudoku/arbitraryPuzzle.js";
import { countSolutions } from "../../../src/experiments/sudoku/countSolutions.js";

const publicPuzzles = readFileSync(`${SUDOKU_DATA_DIR}public.txt`, "utf8").trim().split("\n");
/** Public puzzle 5: solved with 5 guesses and 2 backtracks in 25 steps. */
const WITH_BACKTRACKING = parsePuzzle(publicPuzzles[4]);
/** Puzzle 5 with r2c8 = 2: no clue conflicts with another, yet it has no solution (data/sudoku/hard.txt). */
const UNSOLVABLE = parsePuzzle(".2...6.9...34..82.17....3.....8......467.92........5.47....1..8..82.5....6...89..");

let unsolvableRun: SudokuSolve | null = null;
const unsolvableSolve = (): SudokuSolve => (unsolvableRun ??= solveSudoku(UNSOLVABLE, { trace: true }));

/** Every step of the weights' decode is the step sudokuRules specifies, and the outcome is the oracle's. */
function expectSpecifiedAndRight(puzzle: readonly number[], r: SudokuSolve): void {
  const canvases = r.decode.trace!.canvases;
  for (let k = 0; k + 1 < canvases.length; k++) expect(Array.from(canvases[k + 1]), `step ${k + 1}`).toEqual(Array.from(sudokuRules(canvases[k])));
  const oracle = countSolutions(puzzle, 1);
  if (oracle.count === 0) expect(r.outcome.kind).toBe("unsolvable");
  else expect(r.outcome).toEqual({ kind: "solved", grid: expect.any(Array) });
}

describe("the Sudoku AP-MDM, decoded over its compiled weights", () => {
  it("solves a public puzzle that needs backtracking, each step as the rules specify, with the search's meters", () => {
    const r = solveSudoku(WITH_BACKTRACKING, { trace: true });
    expectSpecifiedAndRight(WITH_BACKTRACKING, r);
    expect(r.outcome).toEqual({ kind: "solved", grid: countSolutions(WITH_BACKTRACKING).first });
    const m = r.meters;
    expect({ steps: m.steps, guesses: m.guesses, backtracks: m.backtracks, context: m.context }).toEqual({ steps: 25, guesses: 5, backtracks: 2, context: 324 });
    expect(m.unmaskOnlyContext).toBe(324 + m.unmasks + m.backtracks);
    // Every canvas holds 324 tokens, and a remask step remasks and nothing else.
    expect(r.decode.trace!.canvases.every((c) => c.length === 324)).toBe(true);
    for (const e of r.decode.trace!.edits) expect(e.insert.length + e.delete.length).toBe(0);
  });

  it("reports a puzzle with no solution as unsolvable after backtracking through its levels", () => {
    const r = unsolvableSolve();
    expectSpecifiedAndRight(UNSOLVABLE, r);
    expect(r.outcome.kind).toBe("unsolvable");
    expect(r.meters.backtracks).toBe(9);
  });

  test.prop([arbitraryPuzzle(45)], { numRuns: 4 })("on generated puzzles (some made unsolvable) every step is the specified one and the outcome is the oracle's", (puzzle) => {
    expectSpecifiedAndRight(puzzle, solveSudoku(puzzle, { trace: true }));
  });

  it("the E-FASP evaluator takes the same steps as the weights where the search branches, backtracks and retries", () => {
    const program = sudokuProgram();
    const { canvases } = unsolvableSolve().decode.trace!;
    const changed = (k: number) => canvases[k].some((t, i) => t !== canvases[k + 1][i] && canvases[k + 1][i] === MASK);
    const picked = canvases.slice(0, -1).flatMap((_, k) => (changed(k) || changed(Math.max(0, k - 1)) ? [k] : [])).slice(0, 8);
    expect(picked.length).toBeGreaterThanOrEqual(6);
    for (const k of picked) {
      const e = evaluate(program, Array.from(canvases[k]));
      expect(Array.from(transition(canvases[k], e.prediction, e.control!, MASK, k + 1).canvas), `step ${k + 1}`).toEqual(Array.from(canvases[k + 1]));
    }
  });
});
