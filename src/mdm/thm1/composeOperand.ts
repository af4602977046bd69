import type { Feature } from "../../efasp/feature.js";
import { all, assume, linear, select } from "../../efasp/local.js";
import type { Instruction, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import { twosComplementBit } from "./canvasFeatures.js";
import type { Operand } from "./fetchOperand.js";
import { constantOf, type InstructionTable } from "./instructionTable.js";

/**
 * Operand X of the instruction at pc, given what a register head found: X's value and two's-complement
 * bits are the register's (when `found`, i.e. X is a register that holds a value), plus pid (when X is
 * pid), plus the constant (immediate, n or P; 0 for registers and pid). At most one part is non-zero, so
 * the sums are exact; the bits are 0/1 for the same reason (declared so with assume, checked).
 */
export function composeOperand(
  name: string,
  src: (ins: Instruction) => Source | null,
  instance: PramInstance,
  table: InstructionTable,
  found: Feature,
  regValue: Feature,
  regBits: readonly Feature[],
  pid: Feature,
  pidBits: readonly Feature[],
): Operand {
  const w = instance.wordBits;
  const zero = linear("0", [], 0);
  const isPid = table.table(`${name}.isPid`, (ins) => (src(ins)?.kind === "pid" ? 1 : 0));
  const constant = table.table(`${name}.const`, (ins) => constantOf(src(ins), instance));
  const value = linear(`${name}.value`, [
    [1, select(`${name}.regValue`, found, regValue, zero)],
    [1, select(`${name}.pidValue`, isPid, pid, zero)],
    [1, constant],
  ]);
  const constBits = Array.from({ length: w }, (_, m) =>
    table.table(`${name}.const.bit${m}`, (ins) => twosComplementBit(constantOf(src(ins), instance), m, w)),
  );
  const bits = Array.from({ length: w }, (_, m) => {
    const parts: [number, Feature][] = [[1, all(`${name}.regBit${m}`, [found, regBits[m]])], [1, constBits[m]]];
    if (m < pidBits.length) parts.push([1, all(`${name}.pidBit${m}`, [isPid, pidBits[m]])]);
    return assume(`${name}.bit${m}`, linear(`${name}.bit${m}`, parts), 0, 1);
  });
  return { value, bits };
}
