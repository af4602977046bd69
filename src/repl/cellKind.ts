/**
 * How a canvas cell changed in the step just taken: still masked, just unmasked, remasked (a token turned
 * back into M), inserted (a new M), deleted (a mask removed; shown once, in the step that removed it), or
 * kept (an unmasked token that stayed).
 */
export type CellKind = "masked" | "unmasked" | "remasked" | "inserted" | "deleted" | "kept";

export const CELL_KINDS: readonly CellKind[] = ["masked", "unmasked", "remasked", "inserted", "deleted", "kept"];
