import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ADD, AND, type AsmLine, at, DIV, EQ, GE, GT, HALT, imm, JMP, JNZ, JZ, label, LE, LI, LOAD, LT, MAX, MIN, MOD, MOV, MUL, n, NE, NEG, NOT, np, type Operand, OR, pid, r, type Reg,
  pcOf, SEL, SHL, SHR, type Special, STORE, SUB, XOR,
} from "../../src/pram/asm.js";
import { buildProgram, type ProgramSpec } from "../../src/pram/buildProgram.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { parseProgram } from "../../src/pram/parseProgram.js";
import { PramError } from "../../src/pram/pramError.js";
import type { Expr } from "../../src/pram/expr.js";
import type { PramProgram, ProgramInstruction, ProgramOperand } from "../../src/pram/pramProgram.js";
import { runPram } from "../../src/pram/runPram.js";

const ISA_DIR = new URL("./isa/", import.meta.url).pathname;

/** programs/prefix-sums.pram, written with the builder. */
const prefixSums: ProgramSpec = {
  name: "prefix-sums",
  header: { processors: "n", memory: "2*n", word: "log2(n)+5", registers: 3, input: [0, 15], output: ["n", "n"], steps: "7*max(1, log2(n))+5", mode: "EREW" },
  code: [
    LOAD(r(0), at(pid)),
    STORE(0, at(pid)),
    STORE(r(0), at(pid, "n")),
    LI(r(1), 1),
    label("round", SUB(r(2), pid, r(1))),
    LOAD(r(2), at(r(2), "n")),
    ADD(r(0), r(0), r(2)),
    STORE(r(0), at(pid, "n")),
    SHL(r(1), r(1), 1),
    LT(r(2), r(1), n),
    JNZ(r(2), "round"),
    HALT(),
  ],
};

const withoutText = (p: PramProgram) => ({ ...p, source: null, expects: [] });

/** A parsed program back in the builder's vocabulary: header and immediates as Expr objects, jumps by label. */
function asSpec(p: PramProgram): ProgramSpec {
  const h = p.header;
  const labelOf = (index: number) => p.labels.find((l) => l.index === index)!.name;
  const operand = (o: ProgramOperand): Operand => (o.kind === "imm" ? imm(o.value) : o);
  const target = (o: ProgramOperand) => (o.kind === "imm" && o.value.kind === "int" ? labelOf(o.value.value) : operand(o));
  const address = (base: ProgramOperand, index: ProgramOperand | null, offset: Expr) =>
    index === null ? at(operand(base), offset) : at(operand(base), index as Reg | Special, offset); // the parser's index is a register, pid or np
  const line = (i: ProgramInstruction): AsmLine => {
    switch (i.op) {
      case "LOAD":
        return LOAD(r(i.dst), address(i.base, i.index, i.offset));
      case "STORE":
        return STORE(operand(i.src), address(i.base, i.index, i.offset));
      case "LI":
        return LI(r(i.dst), i.value);
      case "MOV":
        return MOV(r(i.dst), operand(i.src));
      case "ALU": {
        const ops = { ADD, SUB, MUL, DIV, MOD, MIN, MAX, AND, OR, XOR, LT, LE, GT, GE, EQ, NE };
        return ops[i.alu](r(i.dst), operand(i.a), operand(i.b));
      }
      case "UNARY":
        return (i.unary === "NEG" ? NEG : NOT)(r(i.dst), operand(i.src));
      case "SHIFT":
        return (i.shift === "SHL" ? SHL : SHR)(r(i.dst), operand(i.src), operand(i.amount));
      case "SEL":
        return SEL(r(i.dst), operand(i.cond), operand(i.a), operand(i.b));
      case "JMP":
        return JMP(target(i.target));
      case "JZ":
        return JZ(operand(i.cond), target(i.target));
      case "JNZ":
        return JNZ(operand(i.cond), target(i.target));
      case "HALT":
        return HALT();
    }
  };
  return {
    name: p.name,
    header: {
      processors: h.processors, memory: h.memory, word: h.wordBits, registers: h.registers, input: [h.inputMin, h.inputMax],
      output: [h.outputStart, h.outputLength], steps: h.steps, mode: h.mode, ...(h.valid ? { valid: h.valid } : {}),
    },
    code: p.code.map((ins, k) => p.labels.filter((l) => l.index === k).reverse().reduce((l, { name }) => label(name, l), line(ins))),
  };
}

describe("buildProgram", () => {
  it("builds prefix sums exactly as the parser reads programs/prefix-sums.pram, but for source and expects", () => {
    const built = buildProgram(prefixSums);
    expect(built.source).toBeNull();
    expect(built.expects).toEqual([]);
    expect(built).toEqual(withoutText(loadProgram("prefix-sums")));
    expect(runPram(instantiate(built, 4), [3, 1, 4, 1]).output).toEqual([3, 4, 8, 9]);
  });

  it.each(library.map((e) => [e.name]))("%s: rebuilt from its parsed form, it is the same program", (name) => {
    const parsed = loadProgram(name);
    expect(buildProgram(asSpec(parsed))).toEqual(withoutText(parsed));
  });

  it.each(readdirSync(ISA_DIR).filter((f) => f.endsWith(".pram")))("test/pram/isa/%s: rebuilt from its parsed form, it is the same program", (file) => {
    const parsed = loadProgram(ISA_DIR + file);
    expect(buildProgram(asSpec(parsed))).toEqual(withoutText(parsed));
  });

  it("writes the new operand forms as the parser reads them: [a + b ± off], register targets, @label, SEL, DIV, NEG", () => {
    const text = ".name t\n.processors n\n.memory 2*n\n.word 8\n.registers 3\n.input -3..3\n.output n, 1\n.steps 9\n.mode CREW\n" +
      "top: LOAD r0, [pid + r1 - 1]\n  STORE r0, [r0 + np + n/2]\n  MOV r2, @top\n  SEL r2, r0, r2, @end\n  DIV r1, r0, 0b11\n  NEG r1, r1\n  SHL r1, r1, r2\n  JNZ r0, r2\nend: JMP r1\n";
    const spec: ProgramSpec = {
      name: "t",
      header: { processors: "n", memory: "2*n", word: 8, registers: 3, input: [-3, 3], output: ["n", 1], steps: 9, mode: "CREW" },
      code: [
        label("top", LOAD(r(0), at(pid, r(1), -1))), STORE(r(0), at(r(0), np, "n/2")), MOV(r(2), pcOf("top")), SEL(r(2), r(0), r(2), pcOf("end")),
        DIV(r(1), r(0), 3), NEG(r(1), r(1)), SHL(r(1), r(1), r(2)), JNZ(r(0), r(2)), label("end", JMP(r(1))),
      ],
    };
    expect(buildProgram(spec)).toEqual(withoutText(parseProgram(text, "t.pram")));
  });

  it("reads expression text, numbers and Exprs alike, in the header and in immediates", () => {
    const text = ".name t\n.processors n\n.memory n+1\n.word 8\n.registers 2\n.input -3..3\n.output n, 1\n.steps 9\n.mode CRCW-common\n.valid n >= 2\n" +
      "a: b: LI r0, {n - 1}\n  MOV r1, {n}\n  MOV r1, n\n  LOAD r1, [r0 - 1]\n  STORE -5, [np + {2*n}]\n  JZ pid, b\n  HALT\n";
    const spec: ProgramSpec = {
      name: "t",
      header: { processors: "n", memory: "n + 1", word: 8, registers: 2, input: [-3, 3], output: [{ kind: "n" }, 1], steps: "9", mode: "CRCW-common", valid: "n >= 2" },
      code: [label("a", label("b", LI(r(0), "n - 1"))), MOV(r(1), imm("n")), MOV(r(1), n), LOAD(r(1), at(r(0), -1)), STORE(-5, at(np, "2*n")), JZ(pid, "b"), HALT()],
    };
    expect(buildProgram(spec)).toEqual(withoutText(parseProgram(text, "t.pram")));
  });

  const header = prefixSums.header;
  const fails = (spec: Partial<ProgramSpec>, detail: object, message: RegExp) => {
    const build = () => buildProgram({ ...prefixSums, ...spec });
    expect(build).toThrow(PramError);
    expect(build).toThrow(message);
    expect(build).toThrow(expect.objectContaining({ detail: expect.objectContaining(detail) }) as unknown as Error);
  };

  it("rejects what the parser rejects, with the parser's error kinds", () => {
    fails({ code: [LI(r(3), 1), HALT()] }, { kind: "bad-register", register: "r3", registers: 3, at: null }, /bad register 'r3'/);
    fails({ code: [ADD(r(0), r(-1), 1), HALT()] }, { kind: "bad-register", register: "r-1" }, /bad register/);
    fails({ code: [JMP("nowhere"), HALT()] }, { kind: "unknown-label", label: "nowhere" }, /unknown label 'nowhere'/);
    fails({ code: [label("a", HALT()), label("a", HALT())] }, { kind: "duplicate-label", label: "a" }, /label 'a' is defined twice/);
    fails({ name: "bad name" }, { kind: "header", program: "bad name" }, /\.name: expected a program name/);
    fails({ header: { ...header, registers: 2000 } }, { kind: "header" }, /\.registers: R = 2000 is outside 0\.\.1024/);
    fails({ header: { ...header, steps: "n <= 3" } }, { kind: "header" }, /\.steps: comparisons and && \|\| ! are allowed only in \.valid/);
    fails({ header: { ...header, memory: "2*" } }, { kind: "header" }, /\.memory: expected an integer, n, a function or '\(', found the end \(column 3 of '2\*'\)/);
    fails({ header: { ...header, word: 0.5 } }, { kind: "header" }, /\.word: 0\.5 is not a safe integer/);
    fails({ code: [LI(r(0), "n +* 2"), HALT()] }, { kind: "syntax", at: { file: "prefix-sums (built)", line: 0, col: 4 } }, /prefix-sums \(built\):0:4: syntax error: @0 LI: \{n \+\* 2\}: expected/);
  });

  it("leaves an immediate shift amount to instantiate, as the parser does: outside [0, w) is an immediate error", () => {
    const program = buildProgram({ ...prefixSums, code: [SHL(r(0), r(0), -1), HALT()] });
    expect(() => instantiate(program, 4)).toThrow(expect.objectContaining({ detail: expect.objectContaining({ kind: "immediate", reason: "shift amount: -1 is outside 0..6" }) }) as unknown as Error);
  });
});

describe("buildProgram of no instructions", () => {
  it("is rejected, as the parser rejects an empty .pram file", () => {
    expect(() => buildProgram({ ...prefixSums, code: [] })).toThrow(/has no instructions/);
  });
});
