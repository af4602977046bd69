import { attend, bonus, lin, term } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { all, assume, compare, linear, select } from "../../efasp/local.js";
import type { CanvasFeatures } from "./canvasFeatures.js";

/** What the memory head reads from a key position, all gated by `valid` (zero elsewhere). */
export interface MemoryKeys {
  readonly valid: Feature;
  readonly cell: Feature;
  readonly cellSq: Feature;
  readonly recency: Feature;
  readonly value: Feature;
}

/**
 * The memory cells on the canvas: an input position j holds cell j − 1 with recency 0; the val field of a
 * write record (t, p) holds the cell named by the addr field before it, with recency (t−1)(P+1) + (P − p) + 1
 * — later steps first, and within a step the lowest pid (CRCW-priority; in the other modes concurrent
 * writes either agree or are not allowed).
 */
export function memoryKeys(cf: CanvasFeatures, copiedValue: Feature, copiedValueSq: Feature, copiedIsValue: Feature, M: number, P: number, T: number): MemoryKeys {
  const zero = linear("0", [], 0);
  // The field bits are periodic in the position: inRecords keeps input and output positions out.
  const written = all("memKey.written", [cf.inRecords, cf.writePart, cf.field1, copiedIsValue, cf.isValue]);
  const valid = assume("memKey.valid", linear("memKey.valid", [[1, written], [1, cf.isInput]]), 0, 1);
  const cell = assume(
    "memKey.cell",
    linear("memKey.cell", [[1, select("memKey.writtenCell", written, copiedValue, zero)], [1, select("memKey.inputCell", cf.isInput, cf.inputCell, zero)]]),
    0,
    M - 1,
  );
  const cellSq = assume(
    "memKey.cell²",
    linear("memKey.cell²", [[1, select("memKey.writtenCell²", written, copiedValueSq, zero)], [1, select("memKey.inputCell²", cf.isInput, cf.inputCellSq, zero)]]),
    0,
    (M - 1) ** 2,
  );
  const rec = linear("memKey.rec", [[P + 1, cf.blk], [-1, cf.pid]], P + 1);
  const recency = assume("memKey.recency", select("memKey.recency", written, rec, zero), 0, T * (P + 1));
  return { valid, cell, cellSq, recency, value: select("memKey.value", valid, cf.value, zero) };
}

/**
 * mem[a] as the step reads it. One head; score of key j for address a:
 *   Cv·valid_j + A·(2a·x_j − x_j²) + B·x_j + rec_j        (= Cv·valid − A(x_j − a)² + B·x_j + rec + A·a²)
 * with B = T(P+1) + 1 > every recency and A = 2B: distinct cells score apart by at least B (see
 * fetchOperand for the argument), the cell x = a peaks, and keys of the same cell differ in recency, so the
 * valid winner is unique and is the latest write of cell a if there is one. Invalid keys all score 0 and
 * carry zeros. Found iff the winner's cell + valid equals a + 1; else the cell was never written: 0.
 */
export function readMemory(keys: MemoryKeys, address: Feature, M: number, P: number, T: number): Feature {
  const B = T * (P + 1) + 1;
  const A = 2 * B;
  const aMax = Math.max(Math.abs(address.lo), Math.abs(address.hi));
  const Cv = 2 * (A * (2 * aMax * (M - 1) + (M - 1) ** 2) + B * (M - 1) + T * (P + 1)) + 1;
  const [value, valid, cell] = attend(
    "mem.read",
    [bonus(Cv, keys.valid), term(lin([2 * A, address]), lin([1, keys.cell])), term(lin(-A), lin([1, keys.cellSq])), bonus(B, keys.cell), bonus(1, keys.recency)],
    [keys.value, keys.valid, keys.cell],
  );
  const found = compare("mem.found", "eq", linear("mem.code", [[1, cell], [1, valid]]), linear("a+1", [[1, address]], 1));
  return select("mem.value", found, value, linear("0", [], 0));
}
