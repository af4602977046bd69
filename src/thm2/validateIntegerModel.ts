import type { Transformer } from "../transformer/transformerWeights.js";
import { Thm2Error } from "./Thm2Error.js";

/**
 * What Theorem 2's program needs of a model before anything runs: average-hard attention (the PRAM has
 * no exp), every weight an integer (the PRAM has integer words), and a non-empty canvas of token ids in
 * the vocabulary. The first problem is a one-line Thm2Error naming the tensor and entry (or position).
 * Magnitudes are checked later, against the word the decode needs.
 */
export function validateIntegerModel(model: Transformer, canvas: Int32Array): void {
  const { config, weights } = model;
  if (config.attention.kind !== "average-hard") {
    throw new Thm2Error("attention", `the model's attention is ${config.attention.kind} (β = ${config.attention.beta}); Theorem 2's program needs average-hard attention`);
  }
  if (canvas.length === 0) throw new Thm2Error("canvas", "the canvas is empty");
  const V = config.vocab.length;
  canvas.forEach((t, i) => {
    if (t < 0 || t >= V) throw new Thm2Error("canvas", `canvas position ${i}: token ${t} is outside the vocabulary of ${V}`);
  });
  const tensors: [string, Float64Array][] = [
    ["token_embedding", weights.tokenEmbedding],
    ["position_embedding", weights.positionEmbedding],
    ...weights.layers.flatMap((l, li): [string, Float64Array][] => [
      ...l.heads.flatMap((h, hi): [string, Float64Array][] => [
        [`layers.${li}.heads.${hi}.wq`, h.wq],
        [`layers.${li}.heads.${hi}.wk`, h.wk],
        [`layers.${li}.heads.${hi}.wv`, h.wv],
        [`layers.${li}.heads.${hi}.wo`, h.wo],
      ]),
      [`layers.${li}.mlp.w1`, l.w1],
      [`layers.${li}.mlp.b1`, l.b1],
      [`layers.${li}.mlp.w2`, l.w2],
      [`layers.${li}.mlp.b2`, l.b2],
    ]),
    ["token_head.weight", weights.tokenHead],
    ["token_head.bias", weights.tokenBias],
  ];
  for (const [name, values] of tensors) {
    const e = values.findIndex((v) => !Number.isSafeInteger(v));
    if (e >= 0) throw new Thm2Error("not-integer", `weight ${name}[${e}] = ${values[e]} is not an integer (Theorem 2's program computes in integer words)`);
  }
}
