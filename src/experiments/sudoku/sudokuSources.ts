import type { Feature } from "../../efasp/feature.js";
import { position, token } from "../../efasp/sources.js";
import { CANVAS_LENGTH, digitOf, guessOf, levelOf, MASK, PROPAGATED, SUDOKU_VOCAB, X } from "./sudokuVocabulary.js";

/** The free features of the Sudoku canvas: functions of one token (embedding) or of the position. */
export interface SudokuSources {
  /** Digit of a value token (0 for anything else), and its square. */
  readonly digit: Feature;
  readonly digitSq: Feature;
  readonly isMask: Feature;
  readonly isX: Feature;
  /** Level of a branch token, −1 for anything else; and max(level, 0) for the depth head. */
  readonly level: Feature;
  readonly levelOrZero: Feature;
  /** Value of a guess marker g1–g9 (0 for anything else). */
  readonly guess: Feature;
  readonly isPropagated: Feature;
  /** Position i, the cell ⌊i/4⌋ and the slot i mod 4 (0 value, 1 branch, 2 marker, 3 SEP), with squares. */
  readonly pos: Feature;
  readonly cell: Feature;
  readonly cellSq: Feature;
  readonly slot: Feature;
  readonly slotSq: Feature;
  /** The cell's units, each as coordinates with squares: a row or column is one coordinate, a box two (band, stack). */
  readonly units: readonly Unit[];
}

export interface Unit {
  readonly name: "row" | "column" | "box";
  readonly coords: readonly (readonly [coord: Feature, square: Feature])[];
  /** An integer naming the unit: equal for two cells iff they share it (row, column, or 10·band + stack). */
  readonly id: readonly (readonly [number, Feature])[];
}

const tokenFeature = (name: string, f: (t: number) => number): Feature => token(name, SUDOKU_VOCAB.map((_, t) => f(t)));

function indexFeature(name: string, divisor: number, modulus: number | null, hi: number): readonly [Feature, Feature] {
  const at = (power: 1 | 2) => position(power === 1 ? name : `${name}²`, { kind: "index", offset: 0, divisor, modulus, power }, 0, hi ** power);
  return [at(1), at(2)];
}

export function sudokuSources(): SudokuSources {
  const [cell, cellSq] = indexFeature("cell", 4, null, 80);
  const [slot, slotSq] = indexFeature("slot", 1, 4, 3);
  const row = indexFeature("row", 36, null, 8);
  const column = indexFeature("column", 4, 9, 8);
  const band = indexFeature("band", 108, null, 2);
  const stack = indexFeature("stack", 12, 3, 2);
  return {
    digit: tokenFeature("digit", digitOf),
    digitSq: tokenFeature("digit²", (t) => digitOf(t) ** 2),
    isMask: tokenFeature("is M", (t) => Number(t === MASK)),
    isX: tokenFeature("is X", (t) => Number(t === X)),
    level: tokenFeature("level", levelOf),
    levelOrZero: tokenFeature("level or 0", (t) => Math.max(0, levelOf(t))),
    guess: tokenFeature("guess", guessOf),
    isPropagated: tokenFeature("is p", (t) => Number(t === PROPAGATED)),
    pos: position("pos", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, CANVAS_LENGTH - 1),
    cell,
    cellSq,
    slot,
    slotSq,
    units: [
      { name: "row", coords: [row], id: [[1, row[0]]] },
      { name: "column", coords: [column], id: [[1, column[0]]] },
      { name: "box", coords: [band, stack], id: [[10, band[0]], [1, stack[0]]] },
    ],
  };
}
