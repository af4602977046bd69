import { arePeers, type Grid } from "./parsePuzzle.js";

/** Whether `solution` is a complete valid grid (every cell 1–9, no digit twice in a unit) keeping every clue of `puzzle`. */
export function isSolution(puzzle: Grid, solution: Grid): boolean {
  if (solution.some((d) => d < 1 || d > 9) || puzzle.some((d, c) => d !== 0 && d !== solution[c])) return false;
  return solution.every((d, a) => solution.every((e, b) => !(arePeers(a, b) && d === e)));
}
