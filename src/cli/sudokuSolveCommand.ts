import { formatGrid, parsePuzzle } from "../experiments/sudoku/parsePuzzle.js";
import { readPuzzleFile } from "../experiments/sudoku/readPuzzleFile.js";
import { SudokuCheckError, type SudokuSolve, solveSudoku } from "../experiments/sudoku/solveSudoku.js";
import { summarizeSolves } from "../experiments/sudoku/summarizeSolves.js";
import { sudokuModel } from "../experiments/sudoku/sudokuModel.js";
import { MASK, SUDOKU_VOCAB, TOKENS_PER_CELL } from "../experiments/sudoku/sudokuVocabulary.js";
import { UserError } from "../errors.js";
import { apMdmTraceViewer } from "../view/apMdmTraceViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";
import type { Command, Io } from "./command.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const sudokuSolveCommand: Command = {
  path: ["sudoku", "solve"],
  usage: "sudoku solve PUZZLE|--file F [--check] [--json] [--trace FILE] [--html FILE [--capture 0,1|all]]",
  summary: "solve 9×9 Sudoku with the AP-MDM that propagates, branches and remasks (every step a forward pass); --file: one puzzle per line, a summary table; --check: every step compared with the rules spec",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      file: { type: "string" },
      json: { type: "boolean", default: false },
      trace: { type: "string" },
      html: { type: "string" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
      check: { type: "boolean", default: false },
    });
    if (positionals.length > 1) throw new UserError("cli/options", `unexpected argument '${positionals[1]}'`);
    if ((positionals.length === 1) === (values.file !== undefined)) {
      throw new UserError("cli/options", "give one puzzle (81 characters, digits and '.' or '0' for blanks) or --file F, not both");
    }
    if (values.file !== undefined && (values.trace ?? values.html) !== undefined) throw new UserError("cli/options", "--trace and --html record one puzzle's decode: use them without --file");
    const check = values.check;
    if (values.file === undefined) {
      const capture = captureOption(values.capture);
      const grid = parsePuzzle(positionals[0]);
      const r = checked(io, "the puzzle", () => solveSudoku(grid, { trace: (values.trace ?? values.html) !== undefined, check }));
      if (r === null) return 1;
      const task = { title: `puzzle ${formatGrid(grid)}: ${r.outcome.kind}`, label: "AP-MDM Sudoku", vocab: SUDOKU_VOCAB, mask: MASK, describe: describeSudoku, model: sudokuModel().model };
      const page = values.html === undefined ? null : viewerPage(viewerData(apMdmTraceViewer(task, r.decode, capture)));
      if (values.trace !== undefined) writeFileAtomic(values.trace, `${JSON.stringify(traceJson(r))}\n`);
      if (values.html !== undefined && page !== null) writeFileAtomic(values.html, page);
      if (values.json) io.out(`${JSON.stringify(solveJson(positionals[0].trim(), r), null, 2)}\n`);
      else io.out(formatSolve(r));
      return r.outcome.kind === "solved" ? 0 : 1;
    }
    const puzzles = readPuzzleFile(values.file);
    if (!values.json) io.out(`${"line".padStart(5)}  outcome     ${"steps".padStart(7)} ${"guesses".padStart(7)} ${"backtr.".padStart(7)} ${"remasks".padStart(7)}\n`);
    const rows: { line: number; solve: SudokuSolve }[] = [];
    for (const p of puzzles) {
      const solve = checked(io, `${values.file} line ${p.line}`, () => solveSudoku(p.grid, { check }));
      if (solve === null) return 1;
      rows.push({ line: p.line, solve });
      const m = solve.meters;
      if (!values.json) io.out(`${String(p.line).padStart(5)}  ${solve.outcome.kind.padEnd(10)}  ${[m.steps, m.guesses, m.backtracks, m.remasks].map((v) => String(v).padStart(7)).join(" ")}\n`);
    }
    const summary = summarizeSolves(rows.map((r) => r.solve));
    if (values.json) {
      io.out(`${JSON.stringify({ file: values.file, checked: check, summary, puzzles: rows.map((r) => ({ line: r.line, outcome: r.solve.outcome.kind, meters: r.solve.meters })) }, null, 2)}\n`);
    } else {
      io.out(`\n| puzzles | solved | unsolvable | steps mean | steps max | remasks mean | remasks max | context | unmask-only context max |\n|---|---|---|---|---|---|---|---|---|\n`);
      const s = summary;
      io.out(`| ${s.puzzles} | ${s.solved} | ${s.unsolvable} | ${s.steps.mean.toFixed(1)} | ${s.steps.max} | ${s.remasks.mean.toFixed(1)} | ${s.remasks.max} | ${s.context} | ${s.unmaskOnlyContext.max} |\n`);
      if (check) io.out(`checked: each of the ${rows.reduce((n, r) => n + r.solve.meters.steps, 0)} steps is the one sudokuRules specifies\n`);
    }
    return rows.every((r) => r.solve.outcome.kind === "solved") ? 0 : 1;
  },
};

/** Canvas position i of the Sudoku AP-MDM, grouped by row: "row2 r2c5 marker". */
function describeSudoku(i: number): string {
  const cell = Math.floor(i / TOKENS_PER_CELL);
  const [row, col] = [Math.floor(cell / 9) + 1, (cell % 9) + 1];
  return `row${row} r${row}c${col} ${["value", "branch", "marker", "separator"][i % TOKENS_PER_CELL]}`;
}

/**
 * `--check`: runs one solve; a step that differs from sudokuRules is a bug in the weights, reported as one
 * line naming the puzzle and the step (exit 1), not a stack trace.
 */
function checked(io: Pick<Io, "err">, where: string, solve: () => SudokuSolve): SudokuSolve | null {
  try {
    return solve();
  } catch (e) {
    if (!(e instanceof SudokuCheckError)) throw e;
    io.err(`apmdm sudoku solve: ${where}: ${e.message} (the weights disagree with the rules spec)\n`);
    return null;
  }
}

const gridText = (grid: readonly number[]): string =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8]
    .map((r) => {
      const row = grid.slice(9 * r, 9 * r + 9).join("");
      return `${r % 3 === 0 && r > 0 ? "------+-------+------\n" : ""}${[0, 3, 6].map((c) => row.slice(c, c + 3).split("").join(" ")).join(" | ")}`;
    })
    .join("\n");

function formatSolve(r: SudokuSolve): string {
  const m = r.meters;
  const head = r.outcome.kind === "solved" ? `solved:\n${gridText(r.outcome.grid)}\n` : "no solution: the search exhausted every branch (unsolvable)\n";
  return `${head}  ${m.steps} steps, context ${m.context}; ${m.unmasks} unmasks, ${m.remasks} remasks; ${m.guesses} guesses, ${m.backtracks} backtracks; ${m.flops.toExponential(3)} forward-pass FLOPs\n  an unmask-only process keeping the same search's trail needs context ${m.unmaskOnlyContext}\n`;
}

function solveJson(puzzle: string, r: SudokuSolve) {
  return { puzzle, outcome: r.outcome.kind, solution: r.outcome.kind === "solved" ? r.outcome.grid.join("") : null, meters: r.meters };
}

/** `--trace FILE`: the vocabulary, every canvas (token names, one string per step) and every step's edit script. */
function traceJson(r: SudokuSolve) {
  const t = r.decode.trace!;
  return { vocab: SUDOKU_VOCAB, canvases: t.canvases.map((c) => Array.from(c, (id) => SUDOKU_VOCAB[id]).join(" ")), edits: t.edits };
}
