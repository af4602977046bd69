import { attend, bonus, lin, matchTerms } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, compare, linear, select } from "../../efasp/local.js";
import type { ConflictMode } from "../../pram/conflictMode.js";
import type { CanvasFeatures } from "./canvasFeatures.js";

/**
 * Conflict detection, per block, once the block is on the canvas. A filled write record's val field (for
 * writes) and its raddr field (for EREW reads) look, within their own block, for the lowest-pid record
 * naming the same cell, and raise a flag when that record is not their own (EREW and CREW writes; EREW
 * reads) or, for CRCW-common, when its value differs. Under causal attention a record sees only lower pids
 * of its block, which flags exactly the same records. The records of the next block (and the output, for
 * the last block) then ask whether any flag is up in the block before them.
 *
 * The head: keys in my block naming my cell, lowest pid first:
 *   −C·(blk_j − blk)² − C·(cell_j − cell)² + Cv·valid_j − pos_j,   C > S, Cv > C·(distance spread) + S
 * The tie-break −pos_j is injective, so every query (valid or not) has exactly one winner. Within a block,
 * write records lie in pid order, so among valid keys naming my cell in my block the winner is the lowest
 * pid's; every other key differs from it by a multiple of C in the distance terms (C > S > any tie-break
 * gap) or by Cv in validity, so it loses.
 */
export function conflictFlag(
  name: string,
  cf: CanvasFeatures,
  field: Feature,
  cell: Feature,
  cellSq: Feature,
  ownValid: Feature,
  compareValue: boolean,
  M: number,
  P: number,
): Feature {
  const zero = linear("0", [], 0);
  // The field bits are periodic in the position: inRecords keeps input and output positions out.
  const valid = all(`${name}.valid`, [cf.inRecords, cf.writePart, field, ownValid, cf.isValue]);
  const C = cf.pos.hi + 2;
  const blkSpread = Math.max(Math.abs(cf.blk.lo), Math.abs(cf.blk.hi));
  const cellSpread = Math.max(Math.abs(cell.lo), Math.abs(cell.hi));
  const Cv = 2 * C * (4 * blkSpread ** 2 + 4 * cellSpread ** 2 + M * M) + 2 * C;
  const gatedPid = select(`${name}.pid`, valid, linear("pid+1", [[1, cf.pid]], 1), zero);
  const gatedValue = select(`${name}.value`, valid, cf.value, zero);
  const [lowestPid, lowestValue] = attend(
    `${name}.lowest`,
    [
      ...matchTerms(C, lin([1, cf.blk]), cf.blk, cf.blkSq),
      ...matchTerms(C, lin([1, cell]), cell, cellSq),
      bonus(Cv, valid),
      bonus(-1, cf.pos),
    ],
    [gatedPid, gatedValue],
  );
  const differs = compareValue
    ? compare(`${name}.valueDiffers`, "ne", lowestValue, cf.value)
    : compare(`${name}.notLowest`, "ne", lowestPid, linear("pid+1", [[1, cf.pid]], 1));
  return all(`${name}.flag`, [valid, differs]);
}

/** The flags a mode needs: exclusive writes (EREW, CREW), agreeing writes (CRCW-common), exclusive reads (EREW). */
export function conflictFlags(mode: ConflictMode, cf: CanvasFeatures, prev: { value: Feature; valueSq: Feature; isValue: Feature }, M: number, P: number): Feature[] {
  const flags: Feature[] = [];
  if (mode === "EREW" || mode === "CREW") flags.push(conflictFlag("writeConflict", cf, cf.field1, prev.value, prev.valueSq, prev.isValue, false, M, P));
  if (mode === "CRCW-common") flags.push(conflictFlag("writeConflict", cf, cf.field1, prev.value, prev.valueSq, prev.isValue, true, M, P));
  if (mode === "EREW") flags.push(conflictFlag("readConflict", cf, cf.field2, cf.value, cf.valueSq, cf.isValue, false, M, P));
  return flags;
}

/** Is any conflict flag up in the block `target` (a linear form in the query's features)? */
export function blockConflict(name: string, cf: CanvasFeatures, flags: readonly Feature[], target: ReturnType<typeof lin>): Feature {
  const flag = flags.length === 1 ? flags[0] : any(`${name}.anyFlag`, flags);
  return attend(name, [...matchTerms(2, target, cf.blk, cf.blkSq), bonus(1, flag)], [flag])[0];
}
