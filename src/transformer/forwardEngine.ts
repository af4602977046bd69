/**
 * How a decoding loop runs its forward passes (docs/model-format.md, engine):
 *  - incremental: a ForwardSession that recomputes only what changed since the previous pass (the default);
 *  - full: a fresh forward pass every step (sparse linear maps);
 *  - dense: a fresh forward pass every step with every product of the linear maps (the reference).
 * All three give the same bits; they differ in the work they do.
 */
export type ForwardEngine = "incremental" | "full" | "dense";

export const FORWARD_ENGINES: readonly ForwardEngine[] = ["incremental", "full", "dense"];
