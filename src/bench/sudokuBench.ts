import { parsePuzzle } from "../experiments/sudoku/parsePuzzle.js";
import { readPuzzleFile, SUDOKU_DATA_DIR } from "../experiments/sudoku/readPuzzleFile.js";
import { rulesPredictor } from "../experiments/sudoku/rulesPredictor.js";
import { solveSudoku } from "../experiments/sudoku/solveSudoku.js";
import { sudokuModel } from "../experiments/sudoku/sudokuModel.js";
import type { Benchmark } from "./benchmark.js";

/** Public puzzle 5: 25 steps with backtracking. */
const PUZZLE = ".2...6.9...34..8..17....3.....8......467.92........5.47....1..8..82.5....6...89..";

/**
 * The Sudoku AP-MDM over its compiled weights: compile time, seconds and dense GFLOP per step on one puzzle
 * (every step one forward pass), and from that the time the 100 public puzzles' steps (counted by the
 * rules spec, which takes the same steps) would take.
 */
export const sudokuBench: Benchmark = {
  name: "sudoku: the remasking AP-MDM over compiled weights",
  async run() {
    const t0 = performance.now();
    const { report } = sudokuModel();
    const compileS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const r = solveSudoku(parsePuzzle(PUZZLE));
    const perStep = (performance.now() - t1) / 1000 / r.meters.steps;
    const publicSteps = readPuzzleFile(`${SUDOKU_DATA_DIR}public.txt`).reduce((s, p) => s + solveSudoku(p.grid, { predictor: rulesPredictor }).meters.steps, 0);
    return [
      `model: ${report.layers} layers, ${report.heads} heads, width ${report.width}, ${report.mlpUnits} MLP units, ${report.params} parameters; compiled in ${compileS.toFixed(2)} s`,
      `public puzzle 5: ${r.meters.steps} steps, ${(perStep * 1000).toFixed(1)} ms and ${(r.meters.flops / r.meters.steps / 1e9).toFixed(3)} dense GFLOP per step`,
      `the 100 public puzzles: ${publicSteps} steps, about ${((publicSteps * perStep) / 60).toFixed(0)} min over the weights at that rate`,
    ];
  },
};
