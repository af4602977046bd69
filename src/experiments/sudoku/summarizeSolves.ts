import type { SudokuSolve } from "./solveSudoku.js";

export interface Spread {
  readonly mean: number;
  readonly max: number;
}

/** The summary row of a set of solves: how many solved, and the spread of each meter. */
export interface SolveSummary {
  readonly puzzles: number;
  readonly solved: number;
  readonly unsolvable: number;
  readonly steps: Spread;
  readonly remasks: Spread;
  readonly guesses: Spread;
  readonly backtracks: Spread;
  /** The AP-MDM's context (the same for every puzzle). */
  readonly context: number;
  readonly unmaskOnlyContext: Spread;
}

export function summarizeSolves(solves: readonly SudokuSolve[]): SolveSummary {
  const spread = (f: (s: SudokuSolve) => number): Spread => {
    const xs = solves.map(f);
    return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) };
  };
  return {
    puzzles: solves.length,
    solved: solves.filter((s) => s.outcome.kind === "solved").length,
    unsolvable: solves.filter((s) => s.outcome.kind === "unsolvable").length,
    steps: spread((s) => s.meters.steps),
    remasks: spread((s) => s.meters.remasks),
    guesses: spread((s) => s.meters.guesses),
    backtracks: spread((s) => s.meters.backtracks),
    context: solves[0].meters.context,
    unmaskOnlyContext: spread((s) => s.meters.unmaskOnlyContext),
  };
}
