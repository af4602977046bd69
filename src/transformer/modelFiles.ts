/** The three files of a model directory, as bytes (docs/model-format.md). */
export interface ModelFiles {
  /** config.json: the TransformerConfig. */
  readonly config: Uint8Array;
  /** labels.json: one name per residual dimension. */
  readonly labels: Uint8Array;
  /** model.safetensors: the weights. */
  readonly tensors: Uint8Array;
}

/** Each file's name in the directory. */
export const MODEL_FILE_NAMES: { readonly [K in keyof ModelFiles]: string } = {
  config: "config.json",
  labels: "labels.json",
  tensors: "model.safetensors",
};
