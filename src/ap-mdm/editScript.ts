/**
 * What one AP-MDM step did, position by position. Every index is a position in the canvas *before* the
 * step (0-based); the new canvas renumbers them. Only edits that change the canvas are listed:
 *  - unmask: masked positions that took a token (a prediction of M keeps a mask: no edit);
 *  - remask: unmasked positions that became M (a remask bit on a mask that stays: no edit);
 *  - insert: positions after which one new M was emitted (never a deleted mask: its insert bit dies with it);
 *  - delete: masked positions that emitted nothing (a delete bit on an unmasked token is ignored).
 * So the new length is the old one + insert.length − delete.length, and an empty script means the step
 * changed nothing (not conversely: inserting a mask next to a deleted one leaves the canvas as it was).
 */
export interface EditScript {
  /** 1-based: the step that produced this script. */
  readonly step: number;
  readonly unmask: readonly number[];
  readonly remask: readonly number[];
  readonly insert: readonly number[];
  readonly delete: readonly number[];
}

/** The four kinds of edit, in the order an EditScript lists them. */
export type EditKind = "unmask" | "remask" | "insert" | "delete";

export const EDIT_KINDS: readonly EditKind[] = ["unmask", "remask", "insert", "delete"];

/** True when the script lists no edit (then the step changed nothing). */
export const isEmptyScript = (e: EditScript): boolean => EDIT_KINDS.every((k) => e[k].length === 0);
