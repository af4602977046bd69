import { attend, lin, matchTerms } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { linear } from "../../efasp/local.js";
import { composeOperand } from "../../mdm/thm1/composeOperand.js";
import { type Execution, executeInstruction } from "../../mdm/thm1/executeInstruction.js";
import { type Operand, zeroOperand } from "../../mdm/thm1/fetchOperand.js";
import { type InstructionTable, instructionTable, operandA, operandB, operandC } from "../../mdm/thm1/instructionTable.js";
import type { Instruction, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { BufferFeatures } from "./bufferFeatures.js";
import type { BufferLayout } from "./bufferLayout.js";
/** One PRAM step of the processor a position speaks for (its own pid), read from the current buffer X. */
export interface ProcessorStep extends Execution {
  /** X's pc of p (0 when HALT), and whether p had halted before the step. */
  readonly pc: Feature;
  readonly halted: Feature;
  readonly running: Feature;
  readonly table: InstructionTable;
  /** The first two operands (b is a STORE's value). */
  readonly a: Operand;
  readonly b: Operand;
}

/**
 * Every position computes the step of processor p = its own pid (0 off the processor cells) from the
 * current buffer X, whose first position is 1 + B·xIsB. Each read is one head matching a position
 * exactly — score −(j − target)² = 2·target·j − j² (+ a query constant), which peaks at the single key
 * j = target and, for a target off the canvas, at the single nearest end — so each is exact:
 *   pc       target X + M + 1 + p(R+1)             (pc·k or HALT)
 *   operand  target X + M + 1 + p(R+1) + 1 + reg   (reg from the instruction table; zeroed unless a register)
 *   memory   target X + address                    (LOAD; an address outside [0, M) is an error, its read unused)
 * (and a third operand head, for an address index or SEL's condition, when the program has one). Decode,
 * ALU and the error checks are Theorem 1's (instructionTable, composeOperand, executeInstruction).
 */
export function processorStep(instance: PramInstance, layout: BufferLayout, bf: BufferFeatures, xIsB: Feature): ProcessorStep {
  const { M, B, R } = layout;
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
  // The third operand (an address index, SEL's condition) takes a head only when some instruction has one.
  const c = instance.code.some((ins) => operandC(ins) !== null) ? operand("C", operandC) : zeroOperand(instance.wordBits);
  const read = (address: Feature) => attend("x.mem", at(lin([B, xIsB], [1, address], 1)), [bf.value])[0];
  return { pc, halted, running: flip("running", halted), table, a, b, ...executeInstruction(instance, table, pc, a, b, c, read) };
}
