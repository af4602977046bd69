import { UserError } from "../errors.js";

/**
 * The longest canvas a construction is built for. A decode keeps, per position, the residual stream after
 * every layer and each head's state: the Theorem 1 MDM of prefix sums at n = 1024 (462,849 positions, 13
 * layers, width 198) peaks at 5.1 GiB, ≈ 11.6 KB a position, so ≈ 6 GiB at the cap of 2^19, within the 24 GiB
 * machine; a dense pass there would score 2^38 query–key pairs per head (the cost caps refuse those).
 */
export const MAX_CANVAS = 2 ** 19;

/** The most float64 weights a construction may need (1 GiB): the Theorem 5 model's two V × (V + 37) token matrices pass it at V ≈ 11,600. */
export const MAX_WEIGHTS = 2 ** 27;

/**
 * Refuses, before anything is built, a construction whose canvas or weights would not fit in memory
 * (kind `mdm/too-large`), naming the estimate and the cap. `weights` is a lower bound on the model's
 * float64 entries, where the construction can tell it from its sizes alone.
 */
export function checkConstructionSize(what: string, size: { readonly canvas: number; readonly weights?: number }): void {
  const refuse = (why: string): never => {
    throw new UserError("mdm/too-large", `${what}: ${why} (docs/semantics.md, "Limits")`);
  };
  if (!(size.canvas <= MAX_CANVAS)) refuse(`its canvas would hold ${size.canvas} positions, above the cap of ${MAX_CANVAS}`);
  if (size.weights !== undefined && !(size.weights <= MAX_WEIGHTS)) refuse(`its model would hold at least ${size.weights} weights, above the cap of ${MAX_WEIGHTS} (1 GiB of float64)`);
}
