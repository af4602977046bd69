import { maxflowFigure } from "../../ap-mdm/maxflow/maxflowFigure.js";
import { sudokuFigure } from "../../experiments/sudoku/sudokuFigure.js";
import { sudokuModel } from "../../experiments/sudoku/sudokuModel.js";
import type { Predictor } from "../../mdm/predictor.js";
import { weightsPredictor } from "../../mdm/weightsPredictor.js";
import type { ExperimentFigure } from "./experimentFigure.js";

/**
 * What Sudoku decodes with: its compiled weights (the CLI), or its rules spec (the regeneration test). Max-flow
 * always decodes over its weights (compiled per node count): over 70 small graphs they are faster than the
 * E-FASP evaluator.
 */
export interface ExperimentPredictors {
  readonly sudoku: Predictor;
}

export const weightsPredictors = (): ExperimentPredictors => ({ sudoku: weightsPredictor(sudokuModel().model) });

/** Every experiment figure, in the order docs/experiments.md shows them; a task adds its own here. */
export function experimentFigures(predictors: ExperimentPredictors, count: number): ExperimentFigure[] {
  return [sudokuFigure(predictors.sudoku, count), maxflowFigure()];
}
