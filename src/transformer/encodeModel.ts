import { encodeSafetensors } from "./encodeSafetensors.js";
import type { ModelFiles } from "./modelFiles.js";
import { modelTensors } from "./modelTensors.js";
import type { Transformer } from "./transformerWeights.js";

/** A model as the bytes of its three files (the inverse of decodeModel). */
export function encodeModel(model: Transformer): ModelFiles {
  const { config, weights, labels } = model;
  if (labels.length !== config.dModel) throw new Error(`encodeModel: ${labels.length} labels for dModel ${config.dModel}`);
  const c = config;
  // Only the documented fields, in the documented order, whatever else the object carries.
  const configJson = { vocab: c.vocab, maskToken: c.maskToken, dModel: c.dModel, positionFeatures: c.positionFeatures, layers: c.layers.map((l) => ({ heads: l.heads.map((h) => ({ dQK: h.dQK, dV: h.dV })), mlpHidden: l.mlpHidden })), attention: c.attention, causal: c.causal, control: c.control };
  const text = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const tensors = modelTensors(config).map((spec) => ({ name: spec.name, shape: spec.shape, data: spec.of(weights) }));
  return { config: text(configJson), labels: text(labels), tensors: encodeSafetensors(tensors, { format: "apmdm-transformer", version: "1" }) };
}
