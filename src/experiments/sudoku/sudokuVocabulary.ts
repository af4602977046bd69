/**
 * The Sudoku AP-MDM's tokens. The canvas is the paper's released layout: 81 cells in row-major order, each
 * four tokens [value, branch, marker, SEP] — 324 tokens, fixed length.
 *  - value:  a digit 1–9, or M while the cell is open; X on every open position of an unsolvable puzzle.
 *  - branch: the search depth (level) the value was set at, L0–L81 (clues and level-0 deductions: L0).
 *  - marker: c (clue), p (propagated: the cell's only candidate), or g1–g9 (a branch point: the guessed
 *            value, kept while the value itself is remasked to try the next one).
 *  - SEP:    the cell separator, never changed.
 */
export const CELLS = 81;
export const TOKENS_PER_CELL = 4;
export const CANVAS_LENGTH = CELLS * TOKENS_PER_CELL;
/** Levels L0..L81: a search opens at most one branch point per open cell. */
export const MAX_LEVEL = CELLS;

export const MASK = 0;
export const digitToken = (d: number): number => d; // 1..9
export const X = 10;
export const SEP = 11;
export const CLUE = 12;
export const PROPAGATED = 13;
export const guessToken = (d: number): number => 13 + d; // 14..22
export const levelToken = (level: number): number => 23 + level; // 23..104

export const SUDOKU_VOCAB: readonly string[] = [
  "M",
  ..."123456789",
  "X",
  "|",
  "c",
  "p",
  ...Array.from({ length: 9 }, (_, i) => `g${i + 1}`),
  ...Array.from({ length: MAX_LEVEL + 1 }, (_, l) => `L${l}`),
];

/** The digit a value token holds (0 for M, X and non-value tokens). */
export const digitOf = (t: number): number => (t >= 1 && t <= 9 ? t : 0);
/** The level a branch token holds, or −1 for anything else. */
export const levelOf = (t: number): number => (t >= 23 && t <= 23 + MAX_LEVEL ? t - 23 : -1);
/** The value a guess marker holds (0 for anything else). */
export const guessOf = (t: number): number => (t >= 14 && t <= 22 ? t - 13 : 0);
