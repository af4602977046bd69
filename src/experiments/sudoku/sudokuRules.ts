import { arePeers } from "./parsePuzzle.js";
import { CELLS, digitOf, guessOf, guessToken, levelOf, levelToken, MASK, PROPAGATED, TOKENS_PER_CELL, X } from "./sudokuVocabulary.js";

/**
 * The Sudoku search in plain words, one decoding step at a time: the specification the weights of
 * sudokuProgram are checked against (it shares no code with them). Given a canvas it returns the canvas
 * after one step. A cell is *open* when its value and branch tokens are M; its candidates are the digits
 * no peer (another cell in its row, column or box) holds. D is the deepest level on the canvas (0 if none).
 *
 *  1. X anywhere (the puzzle was found unsolvable): nothing changes.
 *  2. Backtracking (a cell g with value M and a branch token, level D, marker g_v): the next value for g
 *     is its smallest candidate above v.
 *       - if there is one, g's value unmasks to it and g's marker remasks (it is rewritten in step 4's rule);
 *       - otherwise level D is exhausted: g is emptied (branch and marker remasked) and level D − 1 is
 *         backtracked in the same step (as in 3); at D = 1 the puzzle is unsolvable: every mask becomes X.
 *  3. A contradiction (an open cell with no candidate, or two open cells of one unit whose only candidate
 *     is the same digit): at D = 0 the puzzle is unsolvable (every mask becomes X); otherwise every cell
 *     propagated at level D is emptied and the branch point of level D has its value remasked (state 2).
 *  4. Otherwise every open cell with exactly one candidate takes it (value, L_D, p) — all in one step;
 *     if there is none and an open cell is left, the open cell with fewest candidates (lowest index on a
 *     tie) becomes the branch point of level D + 1 with its smallest candidate (value, L_{D+1}, g_value).
 *     A branch point whose marker is M (just advanced in 2) rewrites it as g_value in the same step.
 *     With no open cell left the grid is solved and nothing changes.
 *
 * Values set by 2 and 4 never clash with a peer, so the canvas never holds two equal digits in a unit.
 */
export function sudokuRules(canvas: Int32Array): Int32Array {
  const next = Int32Array.from(canvas);
  if (canvas.includes(X)) return next;
  const cells = Array.from({ length: CELLS }, (_, c) => cellAt(canvas, c));
  const depth = Math.max(0, ...cells.map((c) => c.level));
  const candidates = (c: number): number[] => {
    const taken = new Set(cells.filter((_, p) => arePeers(c, p)).map((p) => p.value));
    return [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => !taken.has(d));
  };
  const set = (c: number, slot: number, token: number) => {
    next[c * TOKENS_PER_CELL + slot] = token;
  };
  const unsolvable = () => next.forEach((t, i) => (next[i] = t === MASK ? X : t));
  const backtrack = (level: number) => {
    if (level === 0) return unsolvable();
    cells.forEach((cell, c) => {
      if (cell.level !== level) return;
      set(c, 0, MASK);
      if (cell.marker === PROPAGATED) [1, 2].forEach((slot) => set(c, slot, MASK));
      else if (cell.marker === MASK) set(c, 2, guessToken(cell.value));
    });
  };

  const retrying = cells.findIndex((c) => c.value === MASK && c.level >= 0);
  if (retrying >= 0) {
    const v = guessOf(cells[retrying].marker);
    const nextValue = candidates(retrying).find((d) => d > v);
    if (nextValue !== undefined) {
      set(retrying, 0, nextValue);
      set(retrying, 2, MASK);
    } else if (depth === 1) {
      unsolvable();
    } else {
      set(retrying, 1, MASK);
      set(retrying, 2, MASK);
      backtrack(depth - 1);
    }
    return next;
  }

  const open = cells.flatMap((c, i) => (c.value === MASK ? [i] : []));
  const options = new Map(open.map((c) => [c, candidates(c)]));
  const singles = open.filter((c) => options.get(c)!.length === 1);
  const clash = singles.some((a) => singles.some((b) => arePeers(a, b) && options.get(a)![0] === options.get(b)![0]));
  if (clash || open.some((c) => options.get(c)!.length === 0)) {
    backtrack(depth);
    return next;
  }
  cells.forEach((cell, c) => {
    if (cell.value !== MASK && cell.level > 0 && cell.marker === MASK) set(c, 2, guessToken(cell.value));
  });
  for (const c of singles) [options.get(c)![0], levelToken(depth), PROPAGATED].forEach((t, slot) => set(c, slot, t));
  if (singles.length === 0 && open.length > 0) {
    const fewest = Math.min(...open.map((c) => options.get(c)!.length));
    const branch = open.find((c) => options.get(c)!.length === fewest)!;
    const d = options.get(branch)![0];
    [d, levelToken(depth + 1), guessToken(d)].forEach((t, slot) => set(branch, slot, t));
  }
  return next;
}

interface Cell {
  /** The digit, or MASK (an open or retrying cell). */
  readonly value: number;
  /** −1 when the branch token is M. */
  readonly level: number;
  readonly marker: number;
}

function cellAt(canvas: Int32Array, c: number): Cell {
  const [value, branch, marker] = canvas.subarray(c * TOKENS_PER_CELL, c * TOKENS_PER_CELL + 3);
  return { value: digitOf(value) || MASK, level: levelOf(branch), marker };
}
