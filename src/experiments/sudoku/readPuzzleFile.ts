import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UserError } from "../../errors.js";
import { type Grid, parsePuzzle } from "./parsePuzzle.js";

/** The puzzle sets shipped with the package: data/sudoku/ at the package root (three levels above this file in src/ or dist/). */
export const SUDOKU_DATA_DIR = fileURLToPath(new URL("../../../data/sudoku/", import.meta.url));

export interface NumberedPuzzle {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly grid: Grid;
}

/**
 * Reads a puzzle file: one puzzle per line; blank lines and lines starting with '#' are skipped. Every
 * puzzle is checked before any is returned, and an error names the file and line.
 */
export function readPuzzleFile(path: string): NumberedPuzzle[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message;
    throw new UserError("sudoku/file", `cannot read ${path}: ${reason}`);
  }
  const puzzles = text.split(/\r?\n/).flatMap((line, i) => {
    const s = line.trim();
    return s === "" || s.startsWith("#") ? [] : [{ line: i + 1, grid: parsePuzzle(s, `${path} line ${i + 1}`) }];
  });
  if (puzzles.length === 0) throw new UserError("sudoku/file", `${path}: no puzzles (one 81-character puzzle per line)`);
  return puzzles;
}
