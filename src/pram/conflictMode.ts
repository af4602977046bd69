/**
 * How concurrent accesses to one memory cell within one parallel step are treated.
 * EREW: no two processors read, nor write, the same cell in a step. CREW: concurrent reads allowed, writes
 * exclusive. CRCW-common: concurrent writes allowed when all write the same value. CRCW-priority: the
 * lowest pid's write wins.
 */
export type ConflictMode = "EREW" | "CREW" | "CRCW-common" | "CRCW-priority";

export const CONFLICT_MODES: readonly ConflictMode[] = ["EREW", "CREW", "CRCW-common", "CRCW-priority"];
