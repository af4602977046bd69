import { attend, bonus, lin, term } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { all, compare, constant, linear, select } from "../../efasp/local.js";
import type { Instruction, Source } from "../../pram/instruction.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { CanvasFeatures } from "./canvasFeatures.js";
import { composeOperand } from "./composeOperand.js";
import type { InstructionTable } from "./instructionTable.js";

/** Register-write keys, built once and shared by both operand heads (see registerKeys). */
export interface RegisterKeys {
  /**
   * 1 at the val field of a read record whose reg field names a register and whose value is known, in a
   * block with no mask left. The last condition matters only to the one-token-per-step decodes: there a
   * write record of block t is predicted after the read records of block t are filled, and must still see
   * the registers as they were before step t (in the MDM the whole block is masked when it is predicted).
   */
  readonly valid: Feature;
  /** The register it wrote (copied from the reg field before it), −1 elsewhere, and its square. */
  readonly reg: Feature;
  readonly regSq: Feature;
  /** Gated by valid (0 elsewhere): the value, its bits, and the code p·(R+1) + reg + 1 ≥ 1 of the key. */
  readonly value: Feature;
  readonly bits: readonly Feature[];
  readonly code: Feature;
}

export function registerKeys(cf: CanvasFeatures, copiedRegKey: Feature, copiedRegKeySq: Feature, copiedIsReg: Feature, blockComplete: Feature, R: number): RegisterKeys {
  const valid = all("regKey.valid", [linear("readPart", [[-1, cf.writePart]], 1), cf.field2, copiedIsReg, cf.isValue, blockComplete]);
  const code = linear("regKey.code", [[R + 1, cf.pid], [1, copiedRegKey]], 1);
  return {
    valid,
    reg: copiedRegKey,
    regSq: copiedRegKeySq,
    value: select("regKey.value", valid, cf.value, linear("0", [], 0)),
    bits: cf.valueBits.map((b, m) => all(`regKey.bit${m}`, [valid, b])),
    code: select("regKey.code·valid", valid, code, linear("0", [], 0)),
  };
}

export interface Operand {
  readonly value: Feature;
  readonly bits: readonly Feature[];
}

/** The operand every instruction reads as 0 (no instruction of the program has it). */
export const zeroOperand = (w: number): Operand => ({ value: constant(0), bits: Array.from({ length: w }, () => constant(0)) });

/**
 * Operand X of the instruction at pc, for processor p before step t: a register (the most recent write of
 * that register by p, or 0 if none), pid, n, P or an immediate.
 *
 * Register head. Score of key j for the query (p, r) with keys (p_j, r_j, blk_j):
 *   Cv·valid_j + [−A1(p_j − p)² + B1·p_j] + [−A2(r_j − r)² + B2·r_j] + blk_j
 * with A2 = 2T, B2 = T, B1 = A2(R+1)² + B2·R + T + 1, A1 = 2B1. A part −A(x − q)² + Bx with 0 < B < A takes
 * distinct values on distinct integers x (equality would need A(x + x' − 2q) = B), at gaps of at least
 * min(B, A − B) = B, and peaks exactly at x = q; each part's gap exceeds the whole range of the parts after
 * it, so among valid keys the score orders lexicographically by (p matches, r matches, most recent block)
 * and is injective: the winner is unique. Cv exceeds every spread, so a valid key beats every invalid
 * one; invalid keys carry only zeros, so a tie among them averages to 0. Found iff the winner's code
 * equals p·(R+1) + r + 1 and X is a register; else the register was never written and reads 0.
 */
export function fetchOperand(
  name: string,
  src: (ins: Instruction) => Source | null,
  instance: PramInstance,
  cf: CanvasFeatures,
  keys: RegisterKeys,
  table: InstructionTable,
  T: number,
): Operand {
  const R = instance.registers;
  const P = instance.processors;
  const isReg = table.table(`${name}.isReg`, (ins) => (src(ins)?.kind === "reg" ? 1 : 0));
  const reg = table.table(`${name}.reg`, (ins) => {
    const s = src(ins);
    return s?.kind === "reg" ? s.index : 0;
  });

  const A2 = 2 * T;
  const B2 = T;
  const B1 = A2 * (R + 1) ** 2 + B2 * R + T + 1;
  const A1 = 2 * B1;
  const spread = A1 * P * P + B1 * P + A2 * (R + 1) ** 2 + B2 * (R + 1) + Math.max(Math.abs(cf.blk.lo), Math.abs(cf.blk.hi));
  const Cv = 2 * spread + 1;
  const [value, code, ...bits] = attend(
    `${name}.fetch`,
    [
      bonus(Cv, keys.valid),
      term(lin([2 * A1, cf.pid]), lin([1, cf.pid])),
      term(lin(-A1), lin([1, cf.pidSq])),
      bonus(B1, cf.pid),
      term(lin([2 * A2, reg]), lin([1, keys.reg])),
      term(lin(-A2), lin([1, keys.regSq])),
      bonus(B2, keys.reg),
      bonus(1, cf.blk),
    ],
    [keys.value, keys.code, ...keys.bits],
  );
  // Expected code p·(R+1) + r + 1, pushed out of reach (+ P·(R+1) + 1) when X is not a register.
  const expected = linear(`${name}.expected`, [[R + 1, cf.pid], [1, reg], [P * (R + 1) + 1, linear("1-isReg", [[-1, isReg]], 1)]], 1);
  const found = compare(`${name}.found`, "eq", code, expected);
  return composeOperand(name, src, instance, table, found, value, bits, cf.pid, cf.pidBits);
}
