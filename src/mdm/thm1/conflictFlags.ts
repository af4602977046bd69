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
 *   −C·(blk_j − blk)² − C·(cell_j − cell)² + C·valid_j − pos_j,   C = S + 2 > any tie-break gap
 * The tie-break −pos_j is injective, so every query (valid or not) has exactly one winner. Only a valid
 * query's winner is read (the flag is gated by my validity), and a valid query is itself a key scoring
 * C − pos_own. Within a block, write records lie in pid order, so a valid key naming my cell in my block
 * with a lower pid scores more (C − pos_j, pos_j < pos_own); every other valid key is at least 1 away in
 * block or cell, so it scores at most C − C − pos_j < C − pos_own; an invalid key scores at most −pos_j,
 * less than C − pos_own. So the winner is the lowest pid's. (The validity bonus needs only to exceed the
 * tie-break's spread, not the distances': they scale with the canvas and the word, and a bonus above them
 * took insertion sort's scores past 2^53 at n = 128.)
 */
export function conflictFlag(
  name: string,
  cf: CanvasFeatures,
  field: Feature,
  cell: Feature,
  cellSq: Feature,
  ownValid: Feature,
  compareValue: boolean,
): Feature {
  const zero = linear("0", [], 0);
  // The field bits are periodic in the position: inRecords keeps input and output positions out.
  const valid = all(`${name}.valid`, [cf.inRecords, cf.writePart, field, ownValid, cf.isValue]);
  const C = cf.pos.hi + 2;
  const gatedPid = select(`${name}.pid`, valid, linear("pid+1", [[1, cf.pid]], 1), zero);
  const gatedValue = select(`${name}.value`, valid, cf.value, zero);
  const [lowestPid, lowestValue] = attend(
    `${name}.lowest`,
    [
      ...matchTerms(C, lin([1, cf.blk]), cf.blk, cf.blkSq),
      ...matchTerms(C, lin([1, cell]), cell, cellSq),
      bonus(C, valid),
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
export function conflictFlags(mode: ConflictMode, cf: CanvasFeatures, prev: { value: Feature; valueSq: Feature; isValue: Feature }): Feature[] {
  const flags: Feature[] = [];
  if (mode === "EREW" || mode === "CREW") flags.push(conflictFlag("writeConflict", cf, cf.field1, prev.value, prev.valueSq, prev.isValue, false));
  if (mode === "CRCW-common") flags.push(conflictFlag("writeConflict", cf, cf.field1, prev.value, prev.valueSq, prev.isValue, true));
  if (mode === "EREW") flags.push(conflictFlag("readConflict", cf, cf.field2, cf.value, cf.valueSq, cf.isValue, false));
  return flags;
}

/** Is any conflict flag up in the block `target` (a linear form in the query's features)? */
export function blockConflict(name: string, cf: CanvasFeatures, flags: readonly Feature[], target: ReturnType<typeof lin>): Feature {
  const flag = flags.length === 1 ? flags[0] : any(`${name}.anyFlag`, flags);
  return attend(name, [...matchTerms(2, target, cf.blk, cf.blkSq), bonus(1, flag)], [flag])[0];
}
