import type { Grid } from "./parsePuzzle.js";
import { CANVAS_LENGTH, CELLS, CLUE, digitOf, levelToken, MASK, SEP, TOKENS_PER_CELL } from "./sudokuVocabulary.js";

/** The initial canvas: a clue d is [d, L0, c, |], a blank [M, M, M, |]. */
export function sudokuCanvas(grid: Grid): Int32Array {
  const canvas = new Int32Array(CANVAS_LENGTH);
  grid.forEach((d, c) => canvas.set(d === 0 ? [MASK, MASK, MASK, SEP] : [d, levelToken(0), CLUE, SEP], c * TOKENS_PER_CELL));
  return canvas;
}

/** The grid a canvas shows: each cell's digit, 0 where the value token is not a digit. */
export const canvasGrid = (canvas: Int32Array): Grid => Array.from({ length: CELLS }, (_, c) => digitOf(canvas[c * TOKENS_PER_CELL]));
