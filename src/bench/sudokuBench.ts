import { parsePuzzle } from "../experiments/sudoku/parsePuzzle.js";
import { readPuzzleFile, SUDOKU_DATA_DIR } from "../experiments/sudoku/readPuzzleFile.js";
import { rulesPredictor } from "../experiments/sudoku/rulesPredictor.js";
import { solveSudoku } from "../experiments/sudoku/solveSudoku.js";
import { sudokuModel } from "../experiments/sudoku/sudokuModel.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { FORWARD_ENGINES } from "../transformer/forwardEngine.js";
import type { Benchmark } from "./benchmark.js";

/** Public puzzle 5: 25 steps with backtracking. */
const PUZZLE = ".2...6.9...34..8..17....3.....8......467.92........5.47....1..8..82.5....6...89..";

/**
 * The Sudoku AP-MDM over its compiled weights: compile time, then per forward engine (incremental, the
 * default; full; dense, the reference) the seconds per step on one puzzle, every step one forward pass, with
 * the CPU time and dense GFLOP per step (CPU time, not wall time, is what a shared machine does not inflate), and from the fastest the time the 100 public puzzles' steps (counted by the
 * rules spec, which takes the same steps) would take on one core.
 */
export const sudokuBench: Benchmark = {
  name: "sudoku: the remasking AP-MDM over compiled weights",
  async run() {
    const t0 = performance.now();
    const { model, report } = sudokuModel();
    const compileS = (performance.now() - t0) / 1000;
    const lines = [`model: ${report.layers} layers, ${report.heads} heads, width ${report.width}, ${report.mlpUnits} MLP units, ${report.params} parameters; compiled in ${compileS.toFixed(2)} s`];
    let fastest = Infinity;
    for (const engine of FORWARD_ENGINES) {
      const [t1, cpu1] = [performance.now(), process.cpuUsage()];
      const r = solveSudoku(parsePuzzle(PUZZLE), { predictor: weightsPredictor(model, engine) });
      const perStep = (performance.now() - t1) / 1000 / r.meters.steps;
      const cpu = process.cpuUsage(cpu1);
      const cpuPerStep = (cpu.user + cpu.system) / 1e6 / r.meters.steps;
      fastest = Math.min(fastest, cpuPerStep);
      lines.push(`public puzzle 5, ${engine.padEnd(11)}: ${r.meters.steps} steps, ${(perStep * 1000).toFixed(1)} ms per step (${(cpuPerStep * 1000).toFixed(1)} ms of CPU; ${(r.meters.flops / r.meters.steps / 1e9).toFixed(3)} dense GFLOP per step)`);
    }
    const publicSteps = readPuzzleFile(`${SUDOKU_DATA_DIR}public.txt`).reduce((s, p) => s + solveSudoku(p.grid, { predictor: rulesPredictor }).meters.steps, 0);
    lines.push(`the 100 public puzzles: ${publicSteps} steps, about ${((publicSteps * fastest) / 60).toFixed(0)} min over the weights of one core at the fastest engine's CPU rate`);
    return lines;
  },
};
