import fc from "fast-check";
import type { Prediction, Predictor } from "../../mdm/predictor.js";
import { weightsPredictor } from "../../mdm/weightsPredictor.js";
import type { ExperimentResult } from "../../proofs/experiments.js";
import { fitBound } from "../../proofs/fitBound.js";
import type { Counterexample, ProofSettings } from "../../proofs/proofReport.js";
import { worstMargin } from "../../proofs/worstMargin.js";
import { arbitraryPuzzle } from "./arbitraryPuzzle.js";
import { countSolutions } from "./countSolutions.js";
import { formatGrid, type Grid } from "./parsePuzzle.js";
import { type NumberedPuzzle, readPuzzleFile, SUDOKU_DATA_DIR } from "./readPuzzleFile.js";
import { solveSudoku } from "./solveSudoku.js";
import { sudokuModel } from "./sudokuModel.js";
import { sudokuRules } from "./sudokuRules.js";
import { CANVAS_LENGTH } from "./sudokuVocabulary.js";

/** A named list of puzzles. */
export interface PuzzleSet {
  readonly name: string;
  readonly puzzles: readonly NumberedPuzzle[];
}

/** The puzzle sets shipped in data/sudoku/. */
export const shippedSets = (): PuzzleSet[] => ["public.txt", "hard.txt"].map((f) => ({ name: `data/sudoku/${f}`, puzzles: readPuzzleFile(`${SUDOKU_DATA_DIR}${f}`) }));

const RIGHT = "every puzzle with a solution is solved (to its unique solution where it has one) and every other is reported unsolvable, as an independent brute-force search decides";
const SPECIFIED = "every step of the weights' decode is the step sudokuRules specifies";
const FIXED = "the context is 324 tokens at every step (only unmask and remask)";

/** Blanks in a generated puzzle, at most (more make longer searches). */
const GENERATED_BLANKS = 50;

/**
 * Sudoku in `apmdm prove experiments`: the first --max-n puzzles of each set in data/sudoku/ (all of them by
 * default) and --runs generated puzzles (some made unsolvable by one wrong clue; a failure is shrunk),
 * each decoded over the compiled weights. Fits steps against backtracks, and the unmask-only context
 * against steps; margins are the smallest attention and logit gaps over every forward pass. `options`
 * replace the sets and the model (the tests use small sets, and a sabotaged model to see a failure caught).
 */
export async function sudokuExperiment(settings: ProofSettings, options: { sets?: readonly PuzzleSet[]; predictor?: Predictor } = {}): Promise<ExperimentResult> {
  const verdicts = new Map([RIGHT, SPECIFIED, FIXED].map((name) => [name, { passed: true, cases: 0 }]));
  const points: { backtracks: number; steps: number; unmaskOnly: number }[] = [];
  const clueCounts = new Set<number>();
  const attention = worstMargin("sudoku: attention score gap (best − next best key)");
  const logit = worstMargin("sudoku: token logit gap (predicted − next best token)");
  let where = "";
  const weights = options.predictor ?? weightsPredictor(sudokuModel().model, settings.engine);
  const predictor: Predictor = {
    ...weights,
    predict(tokens, outputs): Prediction {
      const p = weights.predict(tokens, outputs);
      if (p.margins) {
        attention.see(p.margins.attention, where);
        logit.see(p.margins.logit, where);
      }
      return p;
    },
  };

  /** The first failed check's message, or null; every check counts the puzzle. */
  const attempt = (grid: Grid, label: string): { check: string; message: string } | null => {
    where = label;
    clueCounts.add(grid.filter((d) => d !== 0).length);
    const fail = (check: string, message: string) => {
      verdicts.get(check)!.passed = false;
      return { check, message };
    };
    for (const v of verdicts.values()) v.cases += 1;
    let r: ReturnType<typeof solveSudoku>;
    try {
      r = solveSudoku(grid, { predictor, trace: true });
    } catch (e) {
      return fail(RIGHT, e instanceof Error ? e.message : String(e));
    }
    points.push({ backtracks: r.meters.backtracks, steps: r.meters.steps, unmaskOnly: r.meters.unmaskOnlyContext });
    const canvases = r.decode.trace!.canvases;
    const off = canvases.findIndex((c, k) => k + 1 < canvases.length && sudokuRules(c).some((t, i) => t !== canvases[k + 1][i]));
    if (off >= 0) return fail(SPECIFIED, `step ${off + 1} is not the step sudokuRules specifies`);
    if (canvases.some((c) => c.length !== CANVAS_LENGTH)) return fail(FIXED, "a canvas is not 324 tokens long");
    const oracle = countSolutions(grid, 2);
    const expected = oracle.count === 0 ? "unsolvable" : "solved";
    if (r.outcome.kind !== expected) return fail(RIGHT, `reported ${r.outcome.kind}, but the puzzle has ${oracle.count === 0 ? "no solution" : "a solution"}`);
    if (r.outcome.kind === "solved" && oracle.count === 1 && formatGrid(r.outcome.grid) !== formatGrid(oracle.first!)) return fail(RIGHT, "solved to a grid other than the unique solution");
    return null;
  };

  let counterexample: Counterexample | null = null;
  const programs: string[] = [];
  for (const set of options.sets ?? shippedSets()) {
    const puzzles = set.puzzles.slice(0, settings.maxN);
    programs.push(`sudoku: ${set.name} (${puzzles.length} puzzles)`);
    for (const p of puzzles) {
      const failure = attempt(p.grid, `${set.name} line ${p.line}`);
      if (failure && counterexample === null) counterexample = sudokuCounterexample(failure, p.grid, 0);
    }
  }
  programs.push(`sudoku: ${settings.runs} generated puzzles (seed ${settings.seed})`);
  let generated = 0;
  const result = fc.check(
    fc.property(arbitraryPuzzle(GENERATED_BLANKS), (grid) => {
      const failure = attempt(grid, `generated puzzle ${(generated += 1)}`);
      if (failure) throw new Error(`${failure.check}\n${failure.message}`);
    }),
    { numRuns: settings.runs, seed: settings.seed },
  );
  if (result.failed && counterexample === null && result.counterexample) {
    const [check, message] = (result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)).split("\n");
    counterexample = sudokuCounterexample({ check, message }, result.counterexample[0], result.numShrinks);
  }

  return {
    checks: [...verdicts].map(([name, v]) => ({ name: `sudoku: ${name}`, ...v })),
    bounds: [
      fitBound("sudoku: steps ≤ c1·backtracks + c0", ["c1", "c0"], points.map((p) => ({ x: p.backtracks, y: p.steps }))),
      fitBound("sudoku: unmask-only context ≤ c2·steps + c3", ["c2", "c3"], points.map((p) => ({ x: p.steps, y: p.unmaskOnly }))),
    ],
    programs,
    sizes: [...clueCounts].sort((a, b) => a - b),
    runs: points.length,
    margins: [attention.margin(), logit.margin()],
    counterexample,
  };
}

function sudokuCounterexample(failure: { check: string; message: string }, grid: Grid, shrinks: number): Counterexample {
  const text = formatGrid(grid);
  return { check: `sudoku: ${failure.check}`, program: "sudoku", n: grid.filter((d) => d !== 0).length, input: [...grid], message: failure.message, shrinks, replay: `apmdm sudoku solve ${text}` };
}
