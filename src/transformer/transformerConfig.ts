import type { PositionFeature } from "./positionFeature.js";

/** How a head turns scores into weights. */
export type AttentionKind =
  /** The reference: average the values of every key whose score equals the maximum exactly. */
  | { readonly kind: "average-hard" }
  /** softmax(beta · score), for comparison with standard runtimes. */
  | { readonly kind: "softmax"; readonly beta: number };

export interface HeadConfig {
  /** Width of the query and key vectors. */
  readonly dQK: number;
  /** Width of the value vector. */
  readonly dV: number;
}

export interface LayerConfig {
  readonly heads: readonly HeadConfig[];
  /** Hidden units of the ReLU MLP (0: no MLP in this layer). */
  readonly mlpHidden: number;
}

/**
 * Everything about a model except its weights. The model is encoder-only unless `causal`.
 * Residual stream x_i ∈ R^dModel at each position i:
 *   x_i = E[token_i] + Σ_f φ_f(i, N) · Pos[f]
 *   per layer: x += Σ_h Attn_h(x) Wo_h ;  x += ReLU(x W1 + b1) W2 + b2
 *   token logits = x Wtok + btok ; control logits (AP-MDM) = x Wctl + bctl (bit = logit > 0).
 */
export interface TransformerConfig {
  /** Token names; a token's id is its index. */
  readonly vocab: readonly string[];
  /** The id of the mask token M. */
  readonly maskToken: number;
  readonly dModel: number;
  readonly positionFeatures: readonly PositionFeature[];
  readonly layers: readonly LayerConfig[];
  readonly attention: AttentionKind;
  /** Causal attention (a query at i sees keys j ≤ i): used by the ARM baseline only. */
  readonly causal: boolean;
  /** Whether the model has the three AP-MDM control logits (remask, insert, delete). */
  readonly control: boolean;
}
