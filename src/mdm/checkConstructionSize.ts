import { UserError } from "../errors.js";

/**
 * The longest canvas a construction is built for. A decode keeps, per position, the residual stream after
 * every layer (the incremental engine) or the logits over the vocabulary (a full pass): a Theorem 1 model
 * (13 layers, width ~180) holds ~19 KB per position, 2.5 GB at 2^17 positions, and a dense pass scores
 * 2^34 query–key pairs per head. Beyond it nothing could run here.
 */
export const MAX_CANVAS = 2 ** 17;

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
