import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { parseProgram } from "../../src/pram/parseProgram.js";
import { PramError, type PramErrorDetail } from "../../src/pram/pramError.js";
import { runPram } from "../../src/pram/runPram.js";
import { bufferIo } from "../cli/bufferIo.js";

const HEADER = ".processors 2\n.memory 4\n.word 6\n.registers 2\n.input 0..9\n.output 0, 2\n.steps 6\n.mode EREW\n";

/** Every error a user can cause, as program text and input: the kind it must raise and fields of its detail. */
const CASES: readonly { name: string; text: string; input: number[]; detail: Partial<PramErrorDetail> & { kind: PramErrorDetail["kind"] }; message: RegExp }[] = [
  { name: "syntax", text: `${HEADER}  LOAD r0, [pid\n  HALT\n`, input: [1, 2], detail: { kind: "syntax", at: { file: "F", line: 9, col: 17 } } as never, message: /:9:17: syntax error: expected '\]', found the end of the line/ },
  { name: "unknown instruction", text: `${HEADER}  FROB r0\n`, input: [1, 2], detail: { kind: "unknown-instruction", mnemonic: "FROB" }, message: /:9:3: unknown instruction 'FROB'/ },
  { name: "unknown label", text: `${HEADER}  JMP nowhere\n  HALT\n`, input: [1, 2], detail: { kind: "unknown-label", label: "nowhere" }, message: /:9:\d+: unknown label 'nowhere'/ },
  { name: "duplicate label", text: `${HEADER}a: HALT\na: HALT\n`, input: [1, 2], detail: { kind: "duplicate-label", label: "a" }, message: /:10:1: label 'a' is defined twice/ },
  { name: "bad register", text: `${HEADER}  LI r7, 1\n  HALT\n`, input: [1, 2], detail: { kind: "bad-register", register: "r7", registers: 2 }, message: /:9:\d+: bad register 'r7'/ },
  { name: "header", text: HEADER.replace(".steps 6\n", "") + "  HALT\n", input: [1, 2], detail: { kind: "header" }, message: /missing \.steps/ },
  { name: "immediate", text: `${HEADER}  LI r0, {2^n * 100}\n  HALT\n`, input: [1, 2], detail: { kind: "immediate", n: 2 }, message: /immediate value: 400 is outside -32\.\.31/ },
  { name: "input", text: `${HEADER}  HALT\n`, input: [1, 12], detail: { kind: "input", index: 1 }, message: /input item 2: 12 is outside 0\.\.9/ },
  { name: "address", text: `${HEADER}  LOAD r0, [pid + 3]\n  HALT\n`, input: [1, 2], detail: { kind: "address", step: 1, pid: 1, pc: 0, address: 4, access: "read" }, message: /step 1, processor 1, pc 0 \(line 9\): read of address 4 outside memory \[0, 4\)/ },
  { name: "overflow", text: `${HEADER}  LOAD r0, [pid]\n  MUL r0, r0, 20\n  HALT\n`, input: [1, 2], detail: { kind: "overflow", step: 2, pid: 1, op: "MUL", value: "40" }, message: /MUL overflow: 40 is outside the 6-bit word range/ },
  { name: "division by zero", text: `${HEADER}  LOAD r0, [pid]\n  DIV r0, r0, r1\n  HALT\n`, input: [1, 2], detail: { kind: "division", step: 2, pid: 0, pc: 1, op: "DIV", dividend: 1 }, message: /step 2, processor 0, pc 1 \(line 10\): DIV of 1 by zero/ },
  { name: "shift amount", text: `${HEADER}  LOAD r0, [pid]\n  SHL r1, 1, r0\n  HALT\n`, input: [1, 9], detail: { kind: "shift", step: 2, pid: 1, op: "SHL", amount: 9, wordBits: 6 }, message: /SHL by 9: a shift amount must be in \[0, 6\)/ },
  { name: "jump target", text: `${HEADER}  LOAD r0, [pid]\n  JMP r0\n  HALT\n`, input: [2, 7], detail: { kind: "jump", step: 2, pid: 1, pc: 1, target: 7, length: 3 }, message: /jump to 7, not an instruction \(the program has pc 0\.\.2\)/ },
  { name: "subtracted address operand", text: `${HEADER}  LOAD r0, [pid - r1]\n  HALT\n`, input: [1, 2], detail: { kind: "syntax", at: { file: "F", line: 9, col: 19 } } as never, message: /'r1' is subtracted: an address adds its operands/ },
  { name: "three address operands", text: `${HEADER}  LOAD r0, [pid + r0 + r1]\n  HALT\n`, input: [1, 2], detail: { kind: "syntax" }, message: /'r1': an address adds at most two operands/ },
  { name: "register in an expression", text: `${HEADER}  LI r0, r1 + 1\n  HALT\n`, input: [1, 2], detail: { kind: "syntax", at: { file: "F", line: 9, col: 10 } } as never, message: /'r1' cannot be part of an expression/ },
  { name: "bare @", text: `${HEADER}  LI r0, @\n  HALT\n`, input: [1, 2], detail: { kind: "syntax" }, message: /'@' must be followed by a label name/ },
  { name: "unknown @label", text: `${HEADER}  MOV r0, @nowhere\n  HALT\n`, input: [1, 2], detail: { kind: "unknown-label", label: "nowhere" }, message: /:9:11: unknown label 'nowhere'/ },
  { name: "malformed number", text: `${HEADER}  LI r0, 0x\n  HALT\n`, input: [1, 2], detail: { kind: "syntax" }, message: /malformed number '0x'/ },
  { name: "EREW read conflict", text: `${HEADER}  LOAD r0, [0]\n  HALT\n`, input: [1, 2], detail: { kind: "conflict", mode: "EREW", step: 1, pids: [0, 1], address: 0, access: "read" }, message: /EREW conflict: processors 0 and 1 both read address 0/ },
  { name: "CREW write conflict", text: `${HEADER.replace("EREW", "CREW")}  STORE pid, [3]\n  HALT\n`, input: [1, 2], detail: { kind: "conflict", mode: "CREW", access: "write", address: 3 }, message: /CREW conflict: processors 0 and 1 both write address 3/ },
  { name: "CRCW-common disagreement", text: `${HEADER.replace("EREW", "CRCW-common")}  STORE pid, [3]\n  HALT\n`, input: [1, 2], detail: { kind: "conflict", mode: "CRCW-common", values: [0, 1] }, message: /\(values 0 and 1 differ\)/ },
  { name: "step bound", text: `${HEADER}top: JMP top\n`, input: [1, 2], detail: { kind: "step-bound", bound: 6, running: 2 }, message: /step bound exceeded: 2 processor\(s\) still running after the declared 6 steps/ },
  { name: "fell off the end", text: `${HEADER}  LI r0, 1\n`, input: [1, 2], detail: { kind: "fell-off-end", step: 1, pid: 0, pc: 1 }, message: /step 1, processor 0 fell off the end of the program/ },
];

describe("every PRAM error a user can cause", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s: a typed error from the API", (_, c) => {
    const run = () => runPram(instantiate(parseProgram(c.text, "F"), c.input.length), c.input);
    expect(run).toThrow(PramError);
    try {
      run();
    } catch (e) {
      expect((e as PramError).detail).toMatchObject(c.detail);
      expect((e as PramError).code).toBe(`pram/${c.detail.kind}`);
      expect((e as PramError).message).toMatch(c.message);
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: one line on stderr from the CLI, exit 2, nothing on stdout", async (_, c) => {
    const file = join(mkdtempSync(join(tmpdir(), "apmdm-pram-")), "p.pram");
    writeFileSync(file, c.text);
    const io = bufferIo();
    expect(await runCli(["pram", "run", file, "--input", c.input.join(",")], io)).toBe(2);
    expect(io.stderr()).toMatch(/^apmdm pram run: [^\n]+\n$/);
    expect(io.stderr()).toMatch(c.message);
    expect(io.stdout()).toBe("");
  });

  it("an unknown program and an unreadable file", async () => {
    expect(() => loadProgram("no-such-program")).toThrow(expect.objectContaining({ detail: expect.objectContaining({ kind: "unknown-program", name: "no-such-program" }) }) as unknown as Error);
    expect(() => loadProgram("/no/such/file.pram")).toThrow(expect.objectContaining({ detail: expect.objectContaining({ kind: "file", reason: "no such file" }) }) as unknown as Error);
    for (const [name, pattern] of [["no-such-program", /^apmdm pram run: unknown program 'no-such-program': not a \.pram file and not in the library \(prefix-sums, /], ["/no/such/file.pram", /^apmdm pram run: cannot read '\/no\/such\/file\.pram': no such file\n$/]] as const) {
      const io = bufferIo();
      expect(await runCli(["pram", "run", name, "--input", "1"], io)).toBe(2);
      expect(io.stderr()).toMatch(pattern);
    }
  });

  it("an oversized n is a header error, not a crash", () => {
    expect(() => instantiate(loadProgram("prefix-sums"), 2 ** 23)).toThrow(expect.objectContaining({ detail: expect.objectContaining({ kind: "header" }) }) as unknown as Error);
  });
});

describe("the step bound's limit: P·T ≤ 2^52", () => {
  const withSteps = (processors: number, steps: string) => parseProgram(HEADER.replace(".processors 2", `.processors ${processors}`).replace(".steps 6", `.steps ${steps}`) + "  HALT\n", "F");
  it("one processor may declare 2^52 steps, not one more", () => {
    expect(instantiate(withSteps(1, "2^52"), 2).stepBound).toBe(2 ** 52);
    expect(() => instantiate(withSteps(1, "2^52 + 1"), 2)).toThrow(/T = 4503599627370497 is outside 1\.\.4503599627370496/);
  });
  it("P processors may declare ⌊2^52 / P⌋ steps", () => {
    expect(instantiate(withSteps(3, "2^52 / 3"), 2).stepBound).toBe(Math.floor(2 ** 52 / 3));
    expect(() => instantiate(withSteps(3, "2^52 / 3 + 1"), 2)).toThrow(/is outside 1\.\.1501199875790165 \(n is too large for this interpreter\)/);
  });
});

describe("a program with no instructions", () => {
  it("is a syntax error at the end of the file, not a run that never halts", () => {
    expect(() => parseProgram(HEADER, "F")).toThrow(/^F:9:1: syntax error: the program has no instructions/);
  });
});

describe("a word too narrow for n or P", () => {
  it("is a header error: pid, n and np are operands and must be words", () => {
    const text = HEADER.replace(".processors 2", ".processors 9").replace(".word 6", ".word 4") + "  HALT\n";
    expect(() => instantiate(parseProgram(text, "F"), 2)).toThrow(/4-bit words cannot hold P = 9/);
  });
});
