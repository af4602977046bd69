import type { Feature } from "./feature.js";

/**
 * What a program predicts at each position:
 *  - code:   the feature's value is the id of the token to predict. It compiles to logits 2·s·v − v², which
 *            peak exactly at v = s with a margin of 1, so there is never a tie.
 *  - scores: one integer feature per vocabulary entry, compiled to that token's logit as it is. Ties are
 *            possible and meaningful: a deterministic decode takes the lowest id, a stochastic one samples
 *            among the tied maxima (Theorem 5).
 */
export type EfaspOutput =
  | { readonly kind: "code"; readonly feature: Feature }
  | { readonly kind: "scores"; readonly features: readonly Feature[] };

/**
 * An E-FASP program: the features reachable from its outputs. `control`, for AP-MDM, gives the remask,
 * insert and delete bits (each compiles to a logit 2c − 1, positive iff c = 1).
 */
export interface EfaspProgram {
  readonly name: string;
  readonly vocab: readonly string[];
  readonly maskToken: number;
  readonly output: EfaspOutput;
  readonly control: readonly [Feature, Feature, Feature] | null;
  /** Causal attention (only the ARM baseline uses it). */
  readonly causal: boolean;
}
