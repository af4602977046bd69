import type { TransformerConfig } from "./transformerConfig.js";
import type { TransformerWeights } from "./transformerWeights.js";

/** One tensor of model.safetensors: its name, its shape, and where it lives in TransformerWeights. */
export interface TensorSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly of: (w: TransformerWeights) => Float64Array;
}

/**
 * Every tensor a model of this config has, in file order (docs/model-format.md): the embeddings, each
 * layer's heads then MLP, the token head, and the control head iff config.control.
 */
export function modelTensors(config: TransformerConfig): TensorSpec[] {
  const d = config.dModel;
  const V = config.vocab.length;
  const specs: TensorSpec[] = [
    { name: "token_embedding", shape: [V, d], of: (w) => w.tokenEmbedding },
    { name: "position_embedding", shape: [config.positionFeatures.length, d], of: (w) => w.positionEmbedding },
  ];
  config.layers.forEach((layer, l) => {
    layer.heads.forEach(({ dQK, dV }, h) => {
      const p = `layers.${l}.heads.${h}`;
      specs.push(
        { name: `${p}.wq`, shape: [d, dQK], of: (w) => w.layers[l].heads[h].wq },
        { name: `${p}.wk`, shape: [d, dQK], of: (w) => w.layers[l].heads[h].wk },
        { name: `${p}.wv`, shape: [d, dV], of: (w) => w.layers[l].heads[h].wv },
        { name: `${p}.wo`, shape: [dV, d], of: (w) => w.layers[l].heads[h].wo },
      );
    });
    const H = layer.mlpHidden;
    specs.push(
      { name: `layers.${l}.mlp.w1`, shape: [d, H], of: (w) => w.layers[l].w1 },
      { name: `layers.${l}.mlp.b1`, shape: [H], of: (w) => w.layers[l].b1 },
      { name: `layers.${l}.mlp.w2`, shape: [H, d], of: (w) => w.layers[l].w2 },
      { name: `layers.${l}.mlp.b2`, shape: [d], of: (w) => w.layers[l].b2 },
    );
  });
  specs.push({ name: "token_head.weight", shape: [d, V], of: (w) => w.tokenHead }, { name: "token_head.bias", shape: [V], of: (w) => w.tokenBias });
  if (config.control) {
    specs.push({ name: "control_head.weight", shape: [d, 3], of: (w) => w.controlHead! }, { name: "control_head.bias", shape: [3], of: (w) => w.controlBias! });
  }
  return specs;
}

/** The weights of a config from its tensors by name (every name of modelTensors(config) must be present). */
export function weightsFromTensors(config: TransformerConfig, tensors: ReadonlyMap<string, Float64Array>): TransformerWeights {
  const t = (name: string): Float64Array => {
    const data = tensors.get(name);
    if (!data) throw new Error(`weightsFromTensors: no tensor ${name}`);
    return data;
  };
  return {
    tokenEmbedding: t("token_embedding"),
    positionEmbedding: t("position_embedding"),
    layers: config.layers.map((layer, l) => ({
      heads: layer.heads.map((_, h) => ({ wq: t(`layers.${l}.heads.${h}.wq`), wk: t(`layers.${l}.heads.${h}.wk`), wv: t(`layers.${l}.heads.${h}.wv`), wo: t(`layers.${l}.heads.${h}.wo`) })),
      w1: t(`layers.${l}.mlp.w1`),
      b1: t(`layers.${l}.mlp.b1`),
      w2: t(`layers.${l}.mlp.w2`),
      b2: t(`layers.${l}.mlp.b2`),
    })),
    tokenHead: t("token_head.weight"),
    tokenBias: t("token_head.bias"),
    controlHead: config.control ? t("control_head.weight") : null,
    controlBias: config.control ? t("control_head.bias") : null,
  };
}
