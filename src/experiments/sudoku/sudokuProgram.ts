import { attend, bonus, lin, one, term } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import type { Feature, ScoreTerm } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, lookup, not, select } from "../../efasp/local.js";
import { type SudokuSources, sudokuSources, type Unit } from "./sudokuSources.js";
import { guessToken, levelToken, MASK, PROPAGATED, SUDOKU_VOCAB, X } from "./sudokuVocabulary.js";

const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Score weight of an exact match: larger than any position tie-break (positions < 324). */
const C = 512;

/** lowest[m]: the smallest digit in the 9-bit candidate mask m (bit d − 1 for digit d), 0 for none. */
const LOWEST = Array.from({ length: 512 }, (_, m) => (m === 0 ? 0 : Math.log2(m & -m) + 1));
const popcount = (m: number): number => (m === 0 ? 0 : (m & 1) + popcount(m >>> 1));
/** single[k]: for k < 512 the digit of a one-candidate mask k (0 otherwise); k ≥ 512 is a cell that is not open. */
const SINGLE = Array.from({ length: 1024 }, (_, k) => (k < 512 && popcount(k) === 1 ? LOWEST[k] : 0));

/**
 * The Sudoku search of sudokuRules as an E-FASP program (compiled to weights, every decoding step is one
 * forward pass). Every position computes its own cell's state, so the value, branch and marker tokens of a
 * cell decide together. Heads, with the key each selects and why it is exact:
 *  - value/branch/marker of my cell: score −16(cell_i − cell_j)² − (slot_j − k)²: the one key of my cell at
 *    slot k scores 0, a key of my cell at another slot ≤ −1, any other cell ≤ −16 — a unique winner;
 *  - depth, any X, and each broadcast bit b: score b_j (or level_j), value the same feature: every winner
 *    holds the maximum, so the mean is it exactly;
 *  - digit d present in my unit (27 heads: row, column, box × d): score −C·(Δunit² + (d − digit_j)²) + pos_j:
 *    a value token of my unit holding d scores ≥ 0, every other key ≤ −C + 323 < 0, and the position makes
 *    the winner unique; its value 10·unit_j + digit_j equals 10·unit_i + d iff d is present;
 *  - fewest candidates: score −128·(count_j + 10·[not open]) − cell_j: the winners are the four tokens of
 *    the lowest-index open cell with fewest candidates; they share its cell index;
 *  - a second single of my digit in my unit (3 units × first/last): score −C·(Δunit² + (s_i − s_j)² + slot_j²)
 *    ± pos_j over the single digit s (0 for no single): my own value token scores ≥ −323, a different unit,
 *    digit or slot ≤ −C + 323; the first and the last winner differ iff another value token matches.
 */
export function sudokuProgram(): EfaspProgram {
  const s = sudokuSources();
  const own = (name: string, slot: number, values: Feature[]) =>
    attend(`my ${name}`, [term(lin([32, s.cell]), lin([1, s.cell])), term(one, lin([-16, s.cellSq], [-1, s.slotSq], [2 * slot, s.slot]))], values);
  const broadcast = (b: Feature) => attend(`any ${b.name}`, [bonus(1, b)], [b])[0];
  const [myDigit, myValueMasked] = own("value", 0, [s.digit, s.isMask]);
  const [myLevel] = own("branch", 1, [s.level]);
  const [myGuess, myPropagated, myMarkerMasked] = own("marker", 2, [s.guess, s.isPropagated, s.isMask]);
  const [depth] = attend("depth", [bonus(1, s.levelOrZero)], [s.levelOrZero]);
  const anyX = broadcast(s.isX);

  // Candidates of my cell; retry candidates: those above the branch point's guess.
  const open = compare("open", "eq", linear("M value − level", [[1, myValueMasked], [-1, myLevel]]), constant(2));
  const retrying = compare("retrying", "ge", linear("100·M value + level", [[100, myValueMasked], [1, myLevel]]), constant(100));
  const present = DIGITS.map((d) => s.units.map((u) => presentIn(s, u, d)));
  const candidate = DIGITS.map((d, k) => compare(`candidate ${d}`, "eq", linear(`peers with ${d}`, present[k].map((p) => [1, p] as const)), constant(0)));
  const retryCandidate = DIGITS.map((d, k) =>
    compare(`retry candidate ${d}`, "eq", linear(`${d} taken or ≤ guess`, [...present[k].map((p) => [1, p] as const), [-4, compare(`${d} > guess`, "gt", constant(d), myGuess)]], 4), constant(0)),
  );
  const mask = linear("candidate mask", candidate.map((c, k) => [2 ** k, c] as const));
  const retryMask = linear("retry mask", retryCandidate.map((c, k) => [2 ** k, c] as const));
  const count = linear("candidates", candidate.map((c) => [1, c] as const));
  const openCount = linear("candidates (10 + if not open)", [[1, count], [-10, open]], 10);
  const lowest = lookup("lowest candidate", mask, LOWEST);
  const nextValue = lookup("next value", retryMask, LOWEST);
  const singleIndex = linear("mask (+512 if not open)", [[1, mask], [-512, open]], 512);
  const singleDigit = lookup("single digit", singleIndex, SINGLE);
  const singleDigitSq = lookup("single digit²", singleIndex, SINGLE.map((d) => d * d));
  const single = compare("single", "eq", openCount, constant(1));
  const stuckCell = compare("no candidate", "eq", openCount, constant(0));
  const exhausted = compare("exhausted", "eq", linear("retry mask (+1024 if not retrying)", [[1, retryMask], [-1024, retrying]], 1024), constant(0));
  const clash = compare("clash", "ge", linear("clashes + 3·single", [...s.units.map((u) => [1, clashIn(s, u, singleDigit, singleDigitSq)] as const), [3, single]]), constant(4));
  const [chosenCell] = attend("fewest candidates", [bonus(-128, openCount), bonus(-1, s.cell)], [s.cell]);

  // Global state.
  const anyRetrying = broadcast(retrying);
  const anyExhausted = broadcast(exhausted);
  const anySingle = broadcast(single);
  const conflict = any("conflict", [broadcast(stuckCell), broadcast(clash)]);
  const running = not("no X", anyX);
  const normal = all("normal", [running, not("not retrying", anyRetrying)]);
  const depthZero = compare("depth 0", "eq", depth, constant(0));
  const depthOne = compare("depth 1", "eq", depth, constant(1));
  const retryGo = all("retry", [running, anyRetrying, not("next exists", anyExhausted)]);
  const cascade = all("cascade", [running, anyRetrying, anyExhausted, not("depth ≥ 2", depthOne)]);
  const unsolvable = any("unsolvable", [all("exhausted at 1", [running, anyExhausted, depthOne]), all("conflict at 0", [normal, conflict, depthZero])]);
  const atDepth = compare("at depth", "eq", myLevel, depth);
  const atDepthBelow = compare("at depth − 1", "eq", myLevel, linear("depth − 1", [[1, depth]], -1));
  const undo = any("undo", [all("undo depth", [normal, conflict, not("depth ≥ 1", depthZero), atDepth]), all("undo depth − 1", [cascade, atDepthBelow])]);
  const slotIs = [0, 1, 2].map((k) => compare(`slot ${k}`, "eq", s.slot, constant(k)));
  const notSep = compare("not SEP", "lt", s.slot, constant(3));

  const remask = any("remask", [
    all("undo value", [undo, slotIs[0]]),
    all("undo propagated", [undo, myPropagated, notSep]),
    all("empty branch point", [cascade, retrying, notSep]),
    all("rewrite marker", [retryGo, retrying, slotIs[2]]),
  ]);

  const fill = all("fill", [normal, not("no conflict", conflict)]);
  const branch = all("branch", [fill, not("no single", anySingle), open, compare("chosen", "eq", s.cell, chosenCell)]);
  const cases: (readonly [Feature, Feature])[] = [
    [unsolvable, constant(X)],
    [all("retry value", [retryGo, retrying, slotIs[0]]), nextValue],
    [all("single value", [fill, single, slotIs[0]]), singleDigit],
    [all("single branch", [fill, single, slotIs[1]]), linear("L_depth", [[1, depth]], levelToken(0))],
    [all("single marker", [fill, single, slotIs[2]]), constant(PROPAGATED)],
    [all("branch value", [branch, slotIs[0]]), lowest],
    [all("branch branch", [branch, slotIs[1]]), linear("L_depth+1", [[1, depth]], levelToken(1))],
    [all("branch marker", [branch, slotIs[2]]), linear("g_lowest", [[1, lowest]], guessToken(0))],
    [all("marker rewrite", [normal, slotIs[2], myMarkerMasked, compare("digit", "ge", myDigit, constant(1))]), linear("g_digit", [[1, myDigit]], guessToken(0))],
  ];
  const code = linear("token (sum of exclusive cases)", cases.map(([c, v], k) => [1, select(`case ${k}`, c, v, constant(MASK))] as const));
  return {
    name: "sudoku search (propagate, branch, remask)",
    vocab: [...SUDOKU_VOCAB],
    maskToken: MASK,
    output: { kind: "code", feature: assume("token", code, 0, SUDOKU_VOCAB.length - 1) },
    control: [remask, constant(0, "no insert"), constant(0, "no delete")],
    causal: false,
  };
}

/** Whether digit d is held by a value token in my unit u (see the head's proof above). */
function presentIn(s: SudokuSources, u: Unit, d: number): Feature {
  const score: ScoreTerm[] = [
    ...u.coords.map(([c]) => term(lin([2 * C, c]), lin([1, c]))),
    term(one, lin(...u.coords.map(([, sq]) => [-C, sq] as const), [-C, s.digitSq], [2 * C * d, s.digit], [1, s.pos])),
  ];
  const key = linear(`${u.name}·10 + digit`, [...u.id.map(([k, f]) => [10 * k, f] as const), [1, s.digit]]);
  const [found] = attend(`${d} in my ${u.name}`, score, [key]);
  return compare(`${d} in ${u.name}`, "eq", found, linear(`my ${u.name}·10 + ${d}`, u.id.map(([k, f]) => [10 * k, f] as const), d));
}

/** Whether another open cell of my unit u has the same single candidate as mine (see the head's proof above). */
function clashIn(s: SudokuSources, u: Unit, digit: Feature, digitSq: Feature): Feature {
  const score = (sign: number): ScoreTerm[] => [
    ...u.coords.map(([c]) => term(lin([2 * C, c]), lin([1, c]))),
    term(lin([2 * C, digit]), lin([1, digit])),
    term(one, lin(...u.coords.map(([, sq]) => [-C, sq] as const), [-C, digitSq], [-C, s.slotSq], [sign, s.pos])),
  ];
  const [first] = attend(`first single like mine in my ${u.name}`, score(-1), [s.pos]);
  const [last] = attend(`last single like mine in my ${u.name}`, score(1), [s.pos]);
  return compare(`clash in ${u.name}`, "ne", first, last);
}
