import type { TransformerConfig } from "./transformerConfig.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * A model of the given config with pseudo-random integer weights in [−3, 3], each entry non-zero with
 * probability about `density` (hand-built weights are mostly zero; 1 gives a dense model). The same seed
 * gives the same weights. For property tests and benchmarks; labels are x0, x1, ….
 */
export function randomTransformer(config: TransformerConfig, seed: number, density: number): Transformer {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const weight = (): number => (next() < density ? Math.floor(next() * 7) - 3 : 0);
  const matrix = (size: number): Float64Array => Float64Array.from({ length: size }, weight);
  const d = config.dModel;
  const V = config.vocab.length;
  return {
    config,
    labels: Array.from({ length: d }, (_, k) => `x${k}`),
    weights: {
      tokenEmbedding: matrix(V * d),
      positionEmbedding: matrix(config.positionFeatures.length * d),
      layers: config.layers.map((l) => ({
        heads: l.heads.map((h) => ({ wq: matrix(d * h.dQK), wk: matrix(d * h.dQK), wv: matrix(d * h.dV), wo: matrix(h.dV * d) })),
        w1: matrix(d * l.mlpHidden),
        b1: matrix(l.mlpHidden),
        w2: matrix(l.mlpHidden * d),
        b2: matrix(d),
      })),
      tokenHead: matrix(d * V),
      tokenBias: matrix(V),
      controlHead: config.control ? matrix(d * 3) : null,
      controlBias: config.control ? matrix(3) : null,
    },
  };
}
