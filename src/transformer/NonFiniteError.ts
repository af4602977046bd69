import { UserError } from "../errors.js";

/** Where in a forward pass a value first stopped being finite. head is null outside attention. */
export interface NonFiniteSite {
  readonly layer: number | null;
  readonly head: number | null;
  readonly position: number;
  /** What the value is: "embedded residual", "query", "key", "value", "score", "attention output", "residual", "MLP hidden", "token logit", "control logit". */
  readonly what: string;
}

/**
 * A forward pass produced ±∞ or NaN (an overflowing activation, score, weight or logit): every path (dense,
 * sparse, incremental) stops with this error instead of comparing non-finite numbers, which would make the
 * argmax and the tie rules meaningless. The message names the layer, head and position.
 */
export class NonFiniteError extends UserError {
  constructor(
    readonly site: NonFiniteSite,
    readonly value: number,
  ) {
    const layer = site.what === "embedded residual" ? "embedding" : site.layer === null ? "output heads" : `layer ${site.layer}${site.head === null ? "" : ` head ${site.head}`}`;
    super("model/non-finite", `${layer}, position ${site.position}: the ${site.what} is ${value} (a forward pass must stay finite)`);
    this.name = "NonFiniteError";
  }
}

/**
 * Throws NonFiniteError at the first non-finite entry of a[from .. to), an [·, width] row-major block whose
 * row r is position rowPosition(r). One multiply-add per entry: a·0 is ±0 for finite a and NaN otherwise.
 */
export function assertFinite(
  a: Float64Array,
  from: number,
  to: number,
  width: number,
  rowPosition: (row: number) => number,
  site: Omit<NonFiniteSite, "position">,
): void {
  let probe = 0;
  for (let e = from; e < to; e++) probe += a[e] * 0;
  if (probe === 0) return;
  for (let e = from; e < to; e++) {
    if (!Number.isFinite(a[e])) throw new NonFiniteError({ ...site, position: rowPosition(Math.floor(e / width)) }, a[e]);
  }
}
