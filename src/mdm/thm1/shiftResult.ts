import type { Feature } from "../../efasp/feature.js";
import { all, compare, constant, linear, select } from "../../efasp/local.js";
import type { Instruction, ShiftOp, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { Operand } from "./fetchOperand.js";
import { constantOf, type InstructionTable } from "./instructionTable.js";

/**
 * The value of the shift at pc (0 for any other instruction, and for an amount outside [0, w), which is the
 * shift error reported beside). With two's-complement bits a_m (the sign bit weighing −2^(w−1)):
 * SHL k = a·2^k and SHR k = floor(a / 2^k) = Σ_(m≥k) ±2^(m−k)·a_m, both linear in a's value or bits.
 *  - a constant amount k (immediate, n or np): that one term, selected by the instruction's pc bit;
 *  - a register or pid amount s: Σ_(k<w) [s = k]·term_k, each a bit × bounded-integer select gated by
 *    [the instruction is that shift with a variable amount] (exactly one k matches when 0 ≤ s < w).
 * |a·2^k| < 2^(2w−1), so everything is exact below 2^53.
 */
export function shiftResult(instance: PramInstance, table: InstructionTable, a: Operand, amount: Operand): Feature[] {
  const w = instance.wordBits;
  const zero = constant(0);
  const weight = (m: number) => (m === w - 1 ? -(2 ** m) : 2 ** m);
  const shifted = (op: ShiftOp, k: number) =>
    op === "SHL"
      ? linear(`a<<${k}`, [[2 ** k, a.value]])
      : linear(`a>>${k}`, a.bits.flatMap((am, m) => (m >= k ? [[weight(m) / 2 ** k, am] as const] : [])));
  const isConstant = (s: Source) => s.kind === "imm" || s.kind === "n" || s.kind === "np";
  const terms: Feature[] = [];
  instance.code.forEach((ins, k) => {
    if (ins.op !== "SHIFT" || !isConstant(ins.amount)) return;
    const s = constantOf(ins.amount, instance);
    if (s >= 0 && s < w) terms.push(select(`result:pc${k}`, table.isPc[k], shifted(ins.shift, s), zero));
  });
  const variable = (op: ShiftOp) => (ins: Instruction) => (ins.op === "SHIFT" && ins.shift === op && !isConstant(ins.amount) ? 1 : 0);
  for (const op of ["SHL", "SHR"] as const) {
    if (!instance.code.some((ins) => variable(op)(ins) === 1)) continue;
    const is = table.table(`is${op}var`, variable(op));
    for (let k = 0; k < w; k++) {
      const chosen = all(`${op}by${k}`, [is, compare(`amount=${k}`, "eq", amount.value, constant(k))]);
      terms.push(select(`${op}var${k}`, chosen, shifted(op, k), zero));
    }
  }
  return terms;
}
