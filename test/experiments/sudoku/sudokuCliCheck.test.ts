import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Compiled } from "../../../src/efasp/compile.js";
import { digitToken } from "../../../src/experiments/sudoku/sudokuVocabulary.js";
import { cli } from "../../cli/bufferIo.js";

/**
 * The command's model, miswired: the output head's columns for the digits 1 and 2 are swapped, so the
 * weights write 2 wherever the rules spec writes 1 and the other way round. (Mocked in this file only.)
 */
vi.mock("../../../src/experiments/sudoku/sudokuModel.js", async () => {
  const { compile } = await import("../../../src/efasp/compile.js");
  const { sudokuProgram } = await import("../../../src/experiments/sudoku/sudokuProgram.js");
  const compiled = compile(sudokuProgram());
  const { tokenHead, tokenBias } = compiled.model.weights;
  const vocab = tokenBias.length;
  const [a, b] = [digitToken(1), digitToken(2)];
  for (let r = 0; r < tokenHead.length / vocab; r++) [tokenHead[r * vocab + a], tokenHead[r * vocab + b]] = [tokenHead[r * vocab + b], tokenHead[r * vocab + a]];
  [tokenBias[a], tokenBias[b]] = [tokenBias[b], tokenBias[a]];
  return { sudokuModel: (): Compiled => compiled };
});

/** Solved by propagation alone; its first row (824136795) holds a 1 and a 2, so the miswired model strays at step 1. */
const EASY = `.........${"653497812179582346517824639346759281982613574735961428498275163261348957"}`;
/** Cell r1c9 has no candidate: the rules spec and the miswired model agree (every open value becomes X). */
const STUCK = `12345678.........9${".".repeat(63)}`;

describe("apmdm sudoku solve --check over weights that disagree with the rules spec", () => {
  it("stops at the first stray step with one line naming the puzzle and the step, exit 1, no stack trace", async () => {
    const one = await cli("sudoku", "solve", EASY, "--check", "--json");
    expect(one).toEqual({ code: 1, out: "", err: "apmdm sudoku solve: the puzzle: step 1 is not the step sudokuRules specifies (the weights disagree with the rules spec)\n" });
    const file = join(mkdtempSync(join(tmpdir(), "apmdm-sudoku-check-")), "two.txt");
    writeFileSync(file, `${STUCK}\n${EASY}\n`);
    const table = await cli("sudoku", "solve", "--file", file, "--check");
    expect(table.code).toBe(1);
    expect(table.err).toBe(`apmdm sudoku solve: ${file} line 2: step 1 is not the step sudokuRules specifies (the weights disagree with the rules spec)\n`);
    expect(table.out).toMatch(/ {4}1 {2}unsolvable\s+2\s+0\s+0\s+0\n$/);
  });

  it("without --check the same weights still never print a wrong grid: the final grid is checked", async () => {
    await expect(cli("sudoku", "solve", EASY)).rejects.toThrow(/stopped after \d+ steps on a grid that is not a solution/);
  });
});
