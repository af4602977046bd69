import { attend, lin, matchTerms } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, select } from "../../efasp/local.js";
import { aluResult } from "../../mdm/thm1/aluResult.js";
import { composeOperand } from "../../mdm/thm1/composeOperand.js";
import type { Operand } from "../../mdm/thm1/fetchOperand.js";
import { type InstructionTable, instructionTable, operandA, operandB } from "../../mdm/thm1/instructionTable.js";
import type { Instruction, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { ApMdmVocabulary } from "./apMdmVocabulary.js";
import type { BufferFeatures } from "./bufferFeatures.js";
import type { BufferLayout } from "./bufferLayout.js";

/** One PRAM step of the processor a position speaks for (its own pid), read from the current buffer X. */
export interface ProcessorStep {
  /** X's pc of p (0 when HALT), and whether p had halted before the step. */
  readonly pc: Feature;
  readonly halted: Feature;
  readonly running: Feature;
  readonly table: InstructionTable;
  readonly a: Operand;
  readonly b: Operand;
  readonly address: Feature;
  readonly isLoad: Feature;
  readonly isStore: Feature;
  readonly isHaltIns: Feature;
  readonly writesReg: Feature;
  readonly dst: Feature;
  /** LOAD/STORE whose address is outside [0, M). */
  readonly addrError: Feature;
  /** The register write before the overflow check, and whether it leaves the word range. */
  readonly result: Feature;
  readonly overflow: Feature;
  /** pc after the step (L when it runs off the end), and whether it does so. */
  readonly nextPc: Feature;
  readonly fellOff: Feature;
}

/**
 * Every position computes the step of processor p = its own pid (0 off the processor cells) from the
 * current buffer X, whose first position is 1 + B·xIsB. Each read is one head matching a position
 * exactly — score −(j − target)² = 2·target·j − j² (+ a query constant), which peaks at the single key
 * j = target and, for a target off the canvas, at the single nearest end — so each is exact:
 *   pc       target X + M + 1 + p(R+1)             (pc·k or HALT)
 *   operand  target X + M + 1 + p(R+1) + 1 + reg   (reg from the instruction table; zeroed unless a register)
 *   memory   target X + address                    (LOAD; an address outside [0, M) is an error, its read unused)
 * Decode, ALU and the error checks are Theorem 1's gadgets (instructionTable, aluResult, composeOperand).
 */
export function processorStep(instance: PramInstance, layout: BufferLayout, vocab: ApMdmVocabulary, bf: BufferFeatures, xIsB: Feature): ProcessorStep {
  const { M, B, R } = layout;
  const L = instance.code.length;
  const zero = constant(0);
  const flip = (name: string, bit: Feature) => linear(name, [[-1, bit]], 1);
  const at = (target: ReturnType<typeof lin>) => matchTerms(1, target, bf.pos, bf.posSq);
  const procX = (extra: (readonly [number, Feature])[], bias: number) => lin([B, xIsB], [R + 1, bf.pid], ...extra, 1 + M + 1 + bias);

  const [pc, halted] = attend("x.pc", at(procX([], 0)), [bf.pcOf, bf.isHalt]);
  const table = instructionTable(instance, pc);
  const is = (name: string, pred: (ins: Instruction) => boolean) => table.table(name, (ins) => (pred(ins) ? 1 : 0));

  const operand = (name: string, src: (ins: Instruction) => Source | null): Operand => {
    const isReg = is(`${name}.isReg`, (ins) => src(ins)?.kind === "reg");
    const reg = table.table(`${name}.reg`, (ins) => {
      const s = src(ins);
      return s?.kind === "reg" ? s.index : 0;
    });
    const [value, ...bits] = attend(`x.${name}`, at(procX([[1, reg]], 1)), [bf.value, ...bf.valueBits]);
    return composeOperand(name, src, instance, table, isReg, value, bits, bf.pid, bf.pidBits);
  };
  const a = operand("A", operandA);
  const b = operand("B", operandB);

  const isLoad = is("isLoad", (ins) => ins.op === "LOAD");
  const isStore = is("isStore", (ins) => ins.op === "STORE");
  const isHaltIns = is("isHaltIns", (ins) => ins.op === "HALT");
  const writesReg = is("writesReg", (ins) => ["LOAD", "LI", "MOV", "ALU", "SHIFT"].includes(ins.op));
  const offset = table.table("offset", (ins) => (ins.op === "LOAD" || ins.op === "STORE" ? ins.offset : 0));
  const dst = table.table("dst", (ins) => ("dst" in ins ? ins.dst : 0));
  const address = linear("address", [[1, a.value], [1, offset]]);
  const [memValue] = attend("x.mem", at(lin([B, xIsB], [1, address], 1)), [bf.value]);
  const addrError = all("addrError", [
    any("isMemOp", [isLoad, isStore]),
    any("outOfRange", [compare("address<0", "lt", address, zero), compare("address≥M", "ge", address, constant(M))]),
  ]);
  const result = aluResult(instance.code, table, a, b, memValue, instance.wordBits);
  const overflow = all("overflow", [
    writesReg,
    any("outOfWord", [compare("result<min", "lt", result, constant(vocab.minWord)), compare("result>max", "gt", result, constant(vocab.maxWord))]),
  ]);

  const aIsZero = compare("a=0", "eq", a.value, zero);
  const jumpTaken = assume(
    "jumpTaken",
    linear("jumpTaken", [
      [1, is("isJmp", (ins) => ins.op === "JMP")],
      [1, all("jz&a=0", [is("isJz", (ins) => ins.op === "JZ"), aIsZero])],
      [1, all("jnz&a≠0", [is("isJnz", (ins) => ins.op === "JNZ"), flip("a≠0", aIsZero)])],
    ]),
    0,
    1,
  );
  const jumpDelta = table.table("jumpDelta", (ins, k) => ("target" in ins ? ins.target - k - 1 : 0));
  const nextPc = assume("nextPc", linear("nextPc", [[1, pc], [1, select("jump", jumpTaken, jumpDelta, zero)]], 1), 0, L);
  const fellOff = all("fellOff", [compare("nextPc=L", "eq", nextPc, constant(L)), flip("¬HALT", isHaltIns)]);
  return {
    pc,
    halted,
    running: flip("running", halted),
    table,
    a,
    b,
    address,
    isLoad,
    isStore,
    isHaltIns,
    writesReg,
    dst,
    addrError,
    result,
    overflow,
    nextPc,
    fellOff,
  };
}
