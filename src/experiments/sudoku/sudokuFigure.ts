import type { TopLevelSpec } from "vega-lite";
import type { Predictor } from "../../mdm/predictor.js";
import { fitBound } from "../../proofs/fitBound.js";
import type { ExperimentFigure } from "../../plot/experiments/experimentFigure.js";
import { readPuzzleFile, SUDOKU_DATA_DIR } from "./readPuzzleFile.js";
import { solveSudoku } from "./solveSudoku.js";
import { summarizeSolves } from "./summarizeSolves.js";

/** One public puzzle's search, as the figure's JSON records it. */
export interface SudokuPoint {
  readonly line: number;
  readonly clues: number;
  readonly outcome: "solved" | "unsolvable";
  readonly steps: number;
  readonly guesses: number;
  readonly backtracks: number;
  readonly unmasks: number;
  readonly remasks: number;
  readonly unmaskOnlyContext: number;
}

/**
 * The Sudoku figure of `apmdm plot --experiments`: steps against backtracks over the first `count` public
 * puzzles, decoded with `predictor` (the weights; the regeneration test replays it over the rules spec,
 * which takes the same steps), and the summary table docs/experiments.md quotes.
 */
export function sudokuFigure(predictor: Predictor, count: number): ExperimentFigure {
  const puzzles = readPuzzleFile(`${SUDOKU_DATA_DIR}public.txt`).slice(0, count);
  const solves = puzzles.map((p) => solveSudoku(p.grid, { predictor }));
  const points: SudokuPoint[] = solves.map((s, k) => ({
    line: puzzles[k].line,
    clues: puzzles[k].grid.filter((d) => d !== 0).length,
    outcome: s.outcome.kind,
    steps: s.meters.steps,
    guesses: s.meters.guesses,
    backtracks: s.meters.backtracks,
    unmasks: s.meters.unmasks,
    remasks: s.meters.remasks,
    unmaskOnlyContext: s.meters.unmaskOnlyContext,
  }));
  const fit = fitBound("steps ≤ c1·backtracks + c0", ["c1", "c0"], points.map((p) => ({ x: p.backtracks, y: p.steps })));
  const [c1, c0] = fit.constants;
  const s = summarizeSolves(solves);
  const f1 = (x: number) => x.toFixed(1);
  const table = [
    "| puzzles | solved | steps mean / max | guesses mean / max | backtracks mean / max | remasks mean / max | AP-MDM context | unmask-only context mean / max |",
    "|---|---|---|---|---|---|---|---|",
    `| ${s.puzzles} | ${s.solved} (${f1((100 * s.solved) / s.puzzles)}%) | ${f1(s.steps.mean)} / ${s.steps.max} | ${f1(s.guesses.mean)} / ${s.guesses.max} | ${f1(s.backtracks.mean)} / ${s.backtracks.max} | ${f1(s.remasks.mean)} / ${s.remasks.max} | ${s.context} | ${f1(s.unmaskOnlyContext.mean)} / ${s.unmaskOnlyContext.max} |`,
    "",
    `Fitted over the ${s.puzzles} puzzles: steps ≤ ${c1.exact ?? c1.value}·backtracks + ${c0.exact ?? c0.value} (≈ ${c1.value.toFixed(3)}·backtracks + ${c0.value.toFixed(3)}).`,
  ].join("\n");
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Sudoku AP-MDM: decoding steps vs backtracks",
      subtitle: [`${s.puzzles} public puzzles (data/sudoku/public.txt), context 324 at every step;`, `fit: steps ≤ ${c1.value.toFixed(3)}·backtracks + ${c0.value.toFixed(3)}; data: sudoku-steps.json.`],
      anchor: "start",
      subtitleFontSize: 10,
    },
    width: 420,
    height: 260,
    data: { values: points.map((p) => ({ backtracks: p.backtracks, steps: p.steps })) },
    mark: { type: "point" },
    encoding: {
      x: { field: "backtracks", type: "quantitative", scale: { type: "symlog" }, title: "backtracks (remasking steps)" },
      y: { field: "steps", type: "quantitative", scale: { type: "log" }, title: "decoding steps" },
    },
  };
  return { name: "sudoku-steps", section: "sudoku", data: { points, fit }, spec, table };
}
