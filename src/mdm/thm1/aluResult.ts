import type { Feature } from "../../efasp/feature.js";
import { all, compare, linear, max, min, select } from "../../efasp/local.js";
import type { AluOp, Instruction } from "../../pram/instruction.js";
import type { Operand } from "./fetchOperand.js";
import type { InstructionTable } from "./instructionTable.js";

/**
 * The value an instruction writes to its destination register (0 when it writes none), before the
 * overflow check. Every candidate is computed and the instruction's own is kept by a select on its one-hot
 * opcode bit, so the whole ALU is one constant-depth block:
 *  - ADD, SUB, MOV, LI: linear;  MIN, MAX, LT, LE, EQ, NE: one gadget each;
 *  - MUL: a·b = Σ_m b_m·2^m·a − b_(w−1)·2^(w−1)·a over b's two's-complement bits, each term a bit × bounded
 *    integer select;
 *  - AND = Σ_m ±2^m·[a_m ∧ b_m] (the sign bit weighs −2^(w−1)); OR = a + b − AND; XOR = a + b − 2·AND;
 *  - SHL k = a·2^k and SHR k = floor(a / 2^k) = Σ_(m≥k) ±2^(m−k)·a_m, per shift instruction (k is fixed).
 */
export function aluResult(code: readonly Instruction[], table: InstructionTable, a: Operand, b: Operand, memValue: Feature, w: number): Feature {
  const zero = linear("0", [], 0);
  const isAlu = (op: AluOp) => table.table(`is${op}`, (ins) => (ins.op === "ALU" && ins.alu === op ? 1 : 0));
  const weight = (m: number) => (m === w - 1 ? -(2 ** m) : 2 ** m);
  const and = linear("a&b", a.bits.map((am, m) => [weight(m), all(`a&b.bit${m}`, [am, b.bits[m]])] as const));
  const mul = linear("a·b", b.bits.map((bm, m) => [1, select(`a·b.term${m}`, bm, linear(`a·${weight(m)}`, [[weight(m), a.value]]), zero)] as const));
  const results: [Feature, Feature][] = [
    [isAlu("ADD"), linear("a+b", [[1, a.value], [1, b.value]])],
    [isAlu("SUB"), linear("a-b", [[1, a.value], [-1, b.value]])],
    [isAlu("MUL"), mul],
    [isAlu("MIN"), min("min(a,b)", a.value, b.value)],
    [isAlu("MAX"), max("max(a,b)", a.value, b.value)],
    [isAlu("AND"), and],
    [isAlu("OR"), linear("a|b", [[1, a.value], [1, b.value], [-1, and]])],
    [isAlu("XOR"), linear("a^b", [[1, a.value], [1, b.value], [-2, and]])],
    [isAlu("LT"), compare("a<b", "lt", a.value, b.value)],
    [isAlu("LE"), compare("a≤b", "le", a.value, b.value)],
    [isAlu("EQ"), compare("a=b", "eq", a.value, b.value)],
    [isAlu("NE"), compare("a≠b", "ne", a.value, b.value)],
    [table.table("isMOV", (ins) => (ins.op === "MOV" ? 1 : 0)), a.value],
    [table.table("isLI", (ins) => (ins.op === "LI" ? 1 : 0)), b.value],
    [table.table("isLOAD", (ins) => (ins.op === "LOAD" ? 1 : 0)), memValue],
  ];
  const terms: (readonly [number, Feature])[] = results
    .filter(([is]) => is.hi > 0)
    .map(([is, r], k) => [1, select(`result${k}:${r.name}`, is, r, zero)] as const);
  code.forEach((ins, k) => {
    if (ins.op !== "SHIFT") return;
    const shifted =
      ins.shift === "SHL"
        ? linear(`a<<${ins.amount}`, [[2 ** ins.amount, a.value]])
        : linear(`a>>${ins.amount}`, a.bits.flatMap((am, m) => (m >= ins.amount ? [[weight(m) / 2 ** ins.amount, am] as const] : [])));
    terms.push([1, select(`result:pc${k}`, table.isPc[k], shifted, zero)]);
  });
  return linear("regWrite.value", terms);
}
