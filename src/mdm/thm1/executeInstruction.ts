import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, select } from "../../efasp/local.js";
import { type Instruction, writesRegister } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import { aluResult } from "./aluResult.js";
import type { Operand } from "./fetchOperand.js";
import type { InstructionTable } from "./instructionTable.js";

/** One processor's step, given its pc, its three operands and a memory read; shared by Theorems 1 and 4. */
export interface Execution {
  readonly isLoad: Feature;
  readonly isStore: Feature;
  readonly isHaltIns: Feature;
  readonly writesReg: Feature;
  readonly dst: Feature;
  /** a + c + offset (LOAD/STORE), and whether a LOAD/STORE's address is outside [0, M). */
  readonly address: Feature;
  readonly addrError: Feature;
  /** What the memory read at the address gave (the output region's cell at output positions, in Theorem 1). */
  readonly memValue: Feature;
  /** The register write before the range check (0 when none). */
  readonly result: Feature;
  /** The processor's own errors, mutually exclusive: overflow excludes a division and a shift error. */
  readonly overflow: Feature;
  readonly divisionError: Feature;
  readonly shiftError: Feature;
  readonly jumpError: Feature;
  /** pc after the step (L when it runs off the end; pc + 1 after a jump error), and whether it falls off. */
  readonly nextPc: Feature;
  readonly fellOff: Feature;
}

/**
 * The instruction at pc, executed on integers (docs/semantics.md, "PRAM"):
 *  - address = a + c + offset (c is 0 unless the address has an index);
 *  - the ALU (aluResult); overflow = writes a register ∧ result ∉ [minWord, maxWord] ∧ no division or
 *    shift error; division error = DIV/MOD ∧ b = 0; shift error = SHL/SHR ∧ b ∉ [0, w);
 *  - a jump is taken by JMP, JZ with a = 0, JNZ with a ≠ 0, to target b; a taken jump with b ∉ [0, L) is
 *    a jump error, and only a valid one moves pc: nextPc = pc + 1 + [taken ∧ valid]·(b − pc − 1) ∈ [0, L];
 *  - falling off: nextPc = L on an instruction other than HALT, without a jump error.
 * Every part is a fixed number of gadgets over the operands: constant depth in n.
 */
export function executeInstruction(
  instance: PramInstance,
  table: InstructionTable,
  pc: Feature,
  a: Operand,
  b: Operand,
  c: Operand,
  readMemory: (address: Feature) => Feature,
): Execution {
  const L = instance.code.length;
  const M = instance.memory;
  const w = instance.wordBits;
  const zero = constant(0);
  const flip = (name: string, bit: Feature) => linear(name, [[-1, bit]], 1);
  // Two exclusive comparisons summed are a bit: the sum costs no layer where an `any` would.
  const either = (name: string, x: Feature, y: Feature) => assume(name, linear(name, [[1, x], [1, y]]), 0, 1);
  const is = (name: string, pred: (ins: Instruction) => boolean) => table.table(name, (ins) => (pred(ins) ? 1 : 0));
  const isLoad = is("isLoad", (ins) => ins.op === "LOAD");
  const isStore = is("isStore", (ins) => ins.op === "STORE");
  const isHaltIns = is("isHaltIns", (ins) => ins.op === "HALT");
  const writesReg = is("writesReg", writesRegister);
  const offset = table.table("offset", (ins) => (ins.op === "LOAD" || ins.op === "STORE" ? ins.offset : 0));
  const dst = table.table("dst", (ins) => ("dst" in ins ? ins.dst : 0));

  const address = linear("address", [[1, a.value], [1, c.value], [1, offset]]);
  const addrError = all("addrError", [
    any("isMemOp", [isLoad, isStore]),
    any("outOfRange", [compare("address<0", "lt", address, zero), compare("address≥M", "ge", address, constant(M))]),
  ]);
  const memValue = readMemory(address);
  const result = aluResult(instance, table, a, b, c, memValue);
  const hasDivision = instance.code.some((ins) => ins.op === "ALU" && (ins.alu === "DIV" || ins.alu === "MOD"));
  const divisionError = hasDivision
    ? all("divisionError", [is("isDivMod", (ins) => ins.op === "ALU" && (ins.alu === "DIV" || ins.alu === "MOD")), compare("b=0", "eq", b.value, zero)])
    : zero;
  const hasShift = instance.code.some((ins) => ins.op === "SHIFT");
  const shiftError = hasShift
    ? all("shiftError", [is("isShift", (ins) => ins.op === "SHIFT"), either("badAmount", compare("amount<0", "lt", b.value, zero), compare("amount≥w", "ge", b.value, constant(w)))])
    : zero;
  const outOfWord = either("outOfWord", compare("result<min", "lt", result, constant(-(2 ** (w - 1)))), compare("result>max", "gt", result, constant(2 ** (w - 1) - 1)));
  const overflow = all("overflow", [writesReg, outOfWord, flip("¬divisionError", divisionError), flip("¬shiftError", shiftError)]);

  const aIsZero = compare("a=0", "eq", a.value, zero);
  const badTarget = either("badTarget", compare("target<0", "lt", b.value, zero), compare("target≥L", "ge", b.value, constant(L)));
  // [taken ∧ the target is (in)valid], as one layer of thresholds after the comparisons.
  const takenAnd = (name: string, bit: Feature) =>
    assume(
      name,
      linear(name, [
        [1, all(`jmp∧${name}`, [is("isJmp", (ins) => ins.op === "JMP"), bit])],
        [1, all(`jz∧a=0∧${name}`, [is("isJz", (ins) => ins.op === "JZ"), aIsZero, bit])],
        [1, all(`jnz∧a≠0∧${name}`, [is("isJnz", (ins) => ins.op === "JNZ"), flip("a≠0", aIsZero), bit])],
      ]),
      0,
      1,
    );
  const jumpError = takenAnd("jumpError", badTarget);
  const jump = takenAnd("jump", flip("targetOk", badTarget));
  const delta = linear("target−pc−1", [[1, b.value], [-1, pc]], -1);
  const nextPc = assume("nextPc", linear("nextPc", [[1, pc], [1, select("jumpDelta", jump, delta, zero)]], 1), 0, L);
  const fellOff = all("fellOff", [compare("nextPc=L", "eq", nextPc, constant(L)), flip("¬HALT", isHaltIns), flip("¬jumpError", jumpError)]);
  return { isLoad, isStore, isHaltIns, writesReg, dst, address, addrError, memValue, result, overflow, divisionError, shiftError, jumpError, nextPc, fellOff };
}
