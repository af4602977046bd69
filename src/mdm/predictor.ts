/**
 * What a decoding loop needs from a model: one call = one forward pass over the whole canvas.
 * Implemented by the compiled transformer (the real thing) and by the E-FASP evaluator (the oracle the
 * differential tests compare it with).
 */
export interface Predictor {
  readonly vocab: readonly string[];
  readonly maskToken: number;
  /** `outputs` marks the positions whose prediction is needed (default: all). */
  predict(tokens: Int32Array, outputs?: Uint8Array): Prediction;
}

export interface Prediction {
  /** Argmax token per position (lowest id on a tie); −1 where not requested. */
  readonly prediction: Int32Array;
  /** Every token attaining the maximum at a position (for seeded sampling among exact ties). */
  readonly tied: (position: number) => number[];
  /** AP-MDM control bits per position: remask, insert, delete. */
  readonly control: readonly [Uint8Array, Uint8Array, Uint8Array] | null;
  /** Forward-pass cost of this call, when the predictor is a transformer. */
  readonly flops: number;
  /** FLOPs this call actually ran (its engine may recompute less than a dense pass); 0 for the evaluator. */
  readonly work: number;
  /** Full forward passes this call ran (0 when an incremental engine reused its state; 0 for the evaluator). */
  readonly fullPasses: number;
  /**
   * A transformer's distance from a tie in this pass (null for the evaluator): the smallest gap between a
   * query's best and second-best attention scores over every head, and between the two best logits at a
   * requested position.
   */
  readonly margins: { readonly attention: number; readonly logit: number } | null;
}
