/**
 * The weights of a TransformerConfig, all row-major Float64Arrays: a matrix of shape [rows, cols] holds
 * entry (r, c) at index r * cols + c, and a row vector x is multiplied as x W.
 */
export interface HeadWeights {
  /** [dModel, dQK] */
  readonly wq: Float64Array;
  /** [dModel, dQK] */
  readonly wk: Float64Array;
  /** [dModel, dV] */
  readonly wv: Float64Array;
  /** [dV, dModel] */
  readonly wo: Float64Array;
}

export interface LayerWeights {
  readonly heads: readonly HeadWeights[];
  /** [dModel, mlpHidden], [mlpHidden], [mlpHidden, dModel], [dModel] */
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
}

export interface TransformerWeights {
  /** [vocab, dModel] */
  readonly tokenEmbedding: Float64Array;
  /** [positionFeatures, dModel]: feature f's value times row f is added to the residual. */
  readonly positionEmbedding: Float64Array;
  readonly layers: readonly LayerWeights[];
  /** [dModel, vocab], [vocab] */
  readonly tokenHead: Float64Array;
  readonly tokenBias: Float64Array;
  /** [dModel, 3], [3]; present iff config.control. Order: remask, insert, delete. */
  readonly controlHead: Float64Array | null;
  readonly controlBias: Float64Array | null;
}

/** A model: its config, its weights, and a name for every residual dimension. */
export interface Transformer {
  readonly config: import("./transformerConfig.js").TransformerConfig;
  readonly weights: TransformerWeights;
  /** labels[k] names residual dimension k, e.g. "reg3:value". */
  readonly labels: readonly string[];
}
