import { type ApMdmDecode, decodeApMdm } from "../../ap-mdm/decodeApMdm.js";
import type { EditScript } from "../../ap-mdm/editScript.js";
import type { Predictor } from "../../mdm/predictor.js";
import { weightsPredictor } from "../../mdm/weightsPredictor.js";
import { isSolution } from "./isSolution.js";
import type { Grid } from "./parsePuzzle.js";
import { canvasGrid, sudokuCanvas } from "./sudokuCanvas.js";
import { sudokuModel } from "./sudokuModel.js";
import { sudokuRules } from "./sudokuRules.js";
import { CANVAS_LENGTH, guessOf, TOKENS_PER_CELL, X } from "./sudokuVocabulary.js";

/** A bound no search of a 9×9 grid reaches in practice; passing it is an error (step-cap), never a wrong grid. */
export const SUDOKU_MAX_STEPS = 1_000_000;

export type SudokuOutcome = { readonly kind: "solved"; readonly grid: Grid } | { readonly kind: "unsolvable" };

export interface SudokuMeters {
  /** Forward passes, the last one (which changes nothing) included. */
  readonly steps: number;
  /** The canvas length, the same at every step. */
  readonly context: number;
  readonly unmasks: number;
  readonly remasks: number;
  /** Branch points opened (a cell set to its smallest candidate at a new level). */
  readonly guesses: number;
  /** Steps that remask: each abandons the values of one level (a contradiction, or a branch point with no value left). */
  readonly backtracks: number;
  /** Σ over steps of the dense forward pass's FLOPs (0 over the E-FASP evaluator). */
  readonly flops: number;
  /**
   * The context an unmask-only process needs for the same search, exactly: it cannot erase, so it keeps the
   * 324-token prompt, one token per value this search writes (every unmask), and one token per backtrack
   * (which level it abandons): 324 + unmasks + backtracks.
   */
  readonly unmaskOnlyContext: number;
}

export interface SudokuSolve {
  readonly outcome: SudokuOutcome;
  readonly meters: SudokuMeters;
  readonly decode: ApMdmDecode;
}

/**
 * Solves a puzzle with the Sudoku AP-MDM: every step one forward pass of the compiled weights (or of the
 * given predictor, e.g. the E-FASP evaluator), until the canvas stops changing. The result is checked:
 * a grid that is not a solution of the puzzle is a bug in the construction and throws. With `check`, so
 * does a step that is not the one `sudokuRules` specifies (a SudokuCheckError naming the step).
 */
export function solveSudoku(puzzle: Grid, options: { predictor?: Predictor; trace?: boolean; check?: boolean } = {}): SudokuSolve {
  const predictor = options.predictor ?? weightsPredictor(sudokuModel().model);
  let guesses = 0;
  let backtracks = 0;
  let previous = sudokuCanvas(puzzle);
  let step = 0;
  const onStep = (canvas: Int32Array, edits: EditScript) => {
    step += 1;
    if (options.check) {
      if (!sudokuRules(previous).every((t, i) => t === canvas[i])) throw new SudokuCheckError(step);
      previous = Int32Array.from(canvas);
    }
    guesses += openedBranchPoints(canvas, edits);
    if (edits.remask.length > 0) backtracks += 1;
  };
  const decode = decodeApMdm(predictor, sudokuCanvas(puzzle), { maxSteps: SUDOKU_MAX_STEPS, trace: options.trace, onStep });
  const m = decode.meters;
  const meters: SudokuMeters = {
    steps: m.steps,
    context: CANVAS_LENGTH,
    unmasks: m.unmasked,
    remasks: m.remasked,
    guesses,
    backtracks,
    flops: m.flops,
    unmaskOnlyContext: CANVAS_LENGTH + m.unmasked + backtracks,
  };
  const grid = canvasGrid(decode.canvas);
  if (decode.canvas.includes(X)) return { outcome: { kind: "unsolvable" }, meters, decode };
  if (!isSolution(puzzle, grid)) throw new Error(`the Sudoku AP-MDM stopped after ${m.steps} steps on a grid that is not a solution: ${grid.join("")}`);
  return { outcome: { kind: "solved", grid }, meters, decode };
}

/** A decoding step that differs from the rules spec: a bug in the weights (or the predictor given), never the puzzle's fault. */
export class SudokuCheckError extends Error {
  constructor(readonly step: number) {
    super(`step ${step} is not the step sudokuRules specifies`);
  }
}

/** Cells whose branch and marker tokens were both unmasked this step, the marker to a guess g1–g9 (the canvas never changes length). */
function openedBranchPoints(canvas: Int32Array, edits: EditScript): number {
  const unmasked = new Set(edits.unmask);
  return edits.unmask.filter((i) => i % TOKENS_PER_CELL === 2 && unmasked.has(i - 1) && guessOf(canvas[i]) > 0).length;
}
