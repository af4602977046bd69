import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeControl } from "../../src/cli/escapeControl.js";
import { UserError } from "../../src/errors.js";
import { checkCompiledWord, MAX_COMPILED_WORD_BITS } from "../../src/mdm/compiledWordLimit.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { parseProgram } from "../../src/pram/parseProgram.js";
import { PramError } from "../../src/pram/pramError.js";
import { cli } from "./bufferIo.js";

/** Issue 10's reproducers for the command line: each one line on stderr, exit 2, nothing on stdout. */
describe("options", () => {
  it("a value that starts with '-' is a value: --input -3,1 runs insertion sort on negatives", async () => {
    const r = await cli("pram", "run", "insertion-sort", "--input", "-3,1,-7");
    expect(r.code).toBe(0);
    expect(r.out).toContain("-7,-3,1");
  });

  it.each([
    [["pram", "show", "sum", "--n", "-1"], "apmdm pram show: --n must be an integer ≥ 1, got '-1'\n"],
    [["pram", "run", "sum", "--input", "1,2", "--input", "3,4"], "apmdm pram run: --input given twice\n"],
    [["pram", "run", "sum", "--json", "--input", "1,2", "--json"], "apmdm pram run: --json given twice\n"],
    [["pram", "run", "sum", "--input", ""], "apmdm pram run: --input has an empty value\n"],
    [["pram", "run", "sum", "--input="], "apmdm pram run: --input has an empty value\n"],
    [["compile", "sum", "--n", "2", "--out", ""], "apmdm compile: --out has an empty value\n"],
    [["pram", "run", "sum", "--input", "--json"], "apmdm pram run: --input needs a value (to give one that starts with '-', write --input=VALUE)\n"],
    [["pram", "run", "sum", "--input", "1,\u001b[2J"], "apmdm pram run: --input: item 2 '\\e[2J' is not an integer\n"],
    [["no\u0007such"], "apmdm: unknown command 'no\\x07such' (try 'apmdm help')\n"],
  ])("%j", async (argv, err) => {
    expect(await cli(...argv)).toEqual({ code: 2, out: "", err });
  });

  it("apmdm alone prints the usage on stderr with exit 2; apmdm help on stdout with exit 0", async () => {
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.out).toBe("");
    expect(bare.err).toMatch(/^usage: apmdm <command>/);
    const help = await cli("help");
    expect(help).toEqual({ code: 0, out: bare.err, err: "" });
  });

  it("escapeControl leaves printable text alone and makes every control character visible", () => {
    expect(escapeControl("née → ok")).toBe("née → ok");
    for (let c = 0; c < 0x20; c++) expect(escapeControl(String.fromCharCode(c))).toMatch(/^\\/);
    expect(escapeControl("\u007f\u0085\u2028")).toBe("\\x7f\\x85\\u{2028}");
  });
});

describe("header directives do not see Object.prototype", () => {
  it.each([".toString 1", ".constructor 1", ".valueOf 1", ".hasOwnProperty 1"])("%s is an unknown directive", (line) => {
    expect(() => parseProgram(`${line}\n  HALT\n`, "F")).toThrow(PramError);
    expect(() => parseProgram(`${line}\n  HALT\n`, "F")).toThrow(/unknown directive/);
  });
});

describe("compiled models refuse words above 16 bits up front", () => {
  const dir = mkdtempSync(join(tmpdir(), "apmdm-word-"));
  const file = join(dir, "sum17.pram");
  const text = `.name sum17\n.processors 1\n.memory 2\n.word ${MAX_COMPILED_WORD_BITS + 1}\n.registers 1\n.input 0..15\n.output 0, 1\n.steps 2\n.mode EREW\n  HALT\n`;
  writeFileSync(file, text);

  it("checkCompiledWord accepts 16 bits and refuses 17 with kind mdm/word-size", () => {
    const at = (w: number) => instantiate(parseProgram(text.replace(/\.word \d+/, `.word ${w}`), "F"), 2);
    expect(() => checkCompiledWord(at(MAX_COMPILED_WORD_BITS))).not.toThrow();
    expect(() => checkCompiledWord(at(MAX_COMPILED_WORD_BITS + 1))).toThrow(UserError);
    try {
      checkCompiledWord(at(MAX_COMPILED_WORD_BITS + 1));
    } catch (e) {
      expect((e as UserError).code).toBe("mdm/word-size");
    }
  });

  it.each([
    ["mdm run", ["mdm", "run", file, "--input", "1,2"]],
    ["mdm run --model ap-mdm", ["mdm", "run", file, "--input", "1,2", "--model", "ap-mdm"]],
    ["compile", ["compile", file, "--n", "2", "--out", join(dir, "out")]],
  ])("%s: one line, exit 2, nothing written", async (_, argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has 17-bit words: .* limited to 16-bit words/);
    expect(readdirSync(dir)).toEqual(["sum17.pram"]);
  });

  it("pram show says so, and pram run runs it", async () => {
    expect((await cli("pram", "show", file, "--n", "2")).out).toContain("not compilable: 17-bit words exceed the 16-bit limit");
    expect((await cli("pram", "run", file, "--input", "5,6")).code).toBe(0);
  });
});
