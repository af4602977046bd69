import { UserError } from "../../errors.js";
import { CELLS } from "./sudokuVocabulary.js";

/** A 9×9 grid in row-major order: 0 for a blank, 1–9 for a digit. */
export type Grid = readonly number[];

/** Row, column and box of cell c. */
export const rowOf = (c: number): number => Math.floor(c / 9);
export const colOf = (c: number): number => c % 9;
export const boxOf = (c: number): number => 3 * Math.floor(c / 27) + Math.floor((c % 9) / 3);

/** Whether two distinct cells share a row, column or box. */
export const arePeers = (a: number, b: number): boolean => a !== b && (rowOf(a) === rowOf(b) || colOf(a) === colOf(b) || boxOf(a) === boxOf(b));

/**
 * Reads a puzzle: 81 characters, digits 1–9 and '.' or '0' for blanks (surrounding whitespace ignored).
 * Rejects, naming where (`where` prefixes the message, e.g. "line 3"), a wrong length, a bad character,
 * and two equal clues in one row, column or box.
 */
export function parsePuzzle(text: string, where = "puzzle"): Grid {
  const s = text.trim();
  if (s.length !== CELLS) throw new UserError("sudoku/length", `${where}: ${s.length} characters, a puzzle has 81 (digits 1-9, '.' or '0' for a blank)`);
  const grid = Array.from(s, (ch, i) => {
    if (ch === "." || ch === "0") return 0;
    if (ch >= "1" && ch <= "9") return Number(ch);
    throw new UserError("sudoku/character", `${where}: character ${i + 1} is '${ch}' (row ${rowOf(i) + 1}, column ${colOf(i) + 1}); only digits 1-9, '.' and '0' are allowed`);
  });
  for (let a = 0; a < CELLS; a++) {
    for (let b = a + 1; b < CELLS; b++) {
      if (grid[a] !== 0 && grid[a] === grid[b] && arePeers(a, b)) {
        const unit = rowOf(a) === rowOf(b) ? `row ${rowOf(a) + 1}` : colOf(a) === colOf(b) ? `column ${colOf(a) + 1}` : `box ${boxOf(a) + 1}`;
        throw new UserError("sudoku/conflict", `${where}: clue ${grid[a]} appears twice in ${unit} (cells r${rowOf(a) + 1}c${colOf(a) + 1} and r${rowOf(b) + 1}c${colOf(b) + 1})`);
      }
    }
  }
  return grid;
}

/** The grid as 81 characters, '.' for a blank. */
export const formatGrid = (grid: Grid): string => grid.map((d) => (d === 0 ? "." : String(d))).join("");
