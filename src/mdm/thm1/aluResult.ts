import type { Feature } from "../../efasp/feature.js";
import { all, compare, constant, linear, max, min, select } from "../../efasp/local.js";
import type { AluOp, Instruction } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { Operand } from "./fetchOperand.js";
import { floorDivision } from "./floorDivision.js";
import type { InstructionTable } from "./instructionTable.js";
import { shiftResult } from "./shiftResult.js";

/**
 * The value an instruction writes to its destination register (0 when it writes none), before the
 * overflow check. Every candidate is computed and the instruction's own is kept by a select on its one-hot
 * opcode bit, so the whole ALU is one constant-depth block (a candidate no instruction uses is not built):
 *  - ADD, SUB, MOV, LI, NEG (−a), NOT (−a − 1): linear;  MIN, MAX, LT, LE, GT, GE, EQ, NE: one gadget each;
 *  - MUL: a·b = Σ_m b_m·2^m·a − b_(w−1)·2^(w−1)·a over b's two's-complement bits, each term a bit × bounded
 *    integer select;
 *  - DIV, MOD: floorDivision (a compare ladder over the quotient range, then MOD = a − b·q by b's bits);
 *  - AND = Σ_m ±2^m·[a_m ∧ b_m] (the sign bit weighs −2^(w−1)); OR = a + b − AND; XOR = a + b − 2·AND;
 *  - SEL: c ≠ 0 ? a : b, one select on the bit [c ≠ 0];
 *  - shifts: shiftResult.
 * Operands: a (first), b (second, shift amount), c (SEL's condition), as instructionTable assigns them.
 */
export function aluResult(instance: PramInstance, table: InstructionTable, a: Operand, b: Operand, c: Operand, memValue: Feature): Feature {
  const w = instance.wordBits;
  const code = instance.code;
  const zero = constant(0);
  const uses = (pred: (ins: Instruction) => boolean) => code.some(pred);
  const isAlu = (op: AluOp) => (ins: Instruction) => ins.op === "ALU" && ins.alu === op;
  const weight = (m: number) => (m === w - 1 ? -(2 ** m) : 2 ** m);
  let andMemo: Feature | null = null;
  const and = () => (andMemo ??= linear("a&b", a.bits.map((am, m) => [weight(m), all(`a&b.bit${m}`, [am, b.bits[m]])] as const)));
  let divisionMemo: ReturnType<typeof floorDivision> | null = null;
  const division = () => (divisionMemo ??= floorDivision(a, b, w));
  const candidates: [string, (ins: Instruction) => boolean, () => Feature][] = [
    ["ADD", isAlu("ADD"), () => linear("a+b", [[1, a.value], [1, b.value]])],
    ["SUB", isAlu("SUB"), () => linear("a-b", [[1, a.value], [-1, b.value]])],
    ["MUL", isAlu("MUL"), () => linear("a·b", b.bits.map((bm, m) => [1, select(`a·b.term${m}`, bm, linear(`a·${weight(m)}`, [[weight(m), a.value]]), zero)] as const))],
    ["MIN", isAlu("MIN"), () => min("min(a,b)", a.value, b.value)],
    ["MAX", isAlu("MAX"), () => max("max(a,b)", a.value, b.value)],
    ["AND", isAlu("AND"), and],
    ["OR", isAlu("OR"), () => linear("a|b", [[1, a.value], [1, b.value], [-1, and()]])],
    ["XOR", isAlu("XOR"), () => linear("a^b", [[1, a.value], [1, b.value], [-2, and()]])],
    ["LT", isAlu("LT"), () => compare("a<b", "lt", a.value, b.value)],
    ["LE", isAlu("LE"), () => compare("a≤b", "le", a.value, b.value)],
    ["EQ", isAlu("EQ"), () => compare("a=b", "eq", a.value, b.value)],
    ["NE", isAlu("NE"), () => compare("a≠b", "ne", a.value, b.value)],
    ["GT", isAlu("GT"), () => compare("a>b", "gt", a.value, b.value)],
    ["GE", isAlu("GE"), () => compare("a≥b", "ge", a.value, b.value)],
    ["DIV", isAlu("DIV"), () => division().quotient],
    ["MOD", isAlu("MOD"), () => division().remainder],
    ["NEG", (ins) => ins.op === "UNARY" && ins.unary === "NEG", () => linear("-a", [[-1, a.value]])],
    ["NOT", (ins) => ins.op === "UNARY" && ins.unary === "NOT", () => linear("~a", [[-1, a.value]], -1)],
    ["SEL", (ins) => ins.op === "SEL", () => select("c?a:b", compare("c≠0", "ne", c.value, zero), a.value, b.value)],
    ["MOV", (ins) => ins.op === "MOV", () => a.value],
    ["LI", (ins) => ins.op === "LI", () => b.value],
    ["LOAD", (ins) => ins.op === "LOAD", () => memValue],
  ];
  const terms: (readonly [number, Feature])[] = candidates
    .filter(([, pred]) => uses(pred))
    .map(([name, pred, value], k) => {
      const r = value();
      return [1, select(`result${k}:${r.name}`, table.table(`is${name}`, (ins) => (pred(ins) ? 1 : 0)), r, zero)] as const;
    });
  for (const t of shiftResult(instance, table, a, b)) terms.push([1, t]);
  return linear("regWrite.value", terms);
}
