import type { TransformerConfig } from "../../src/transformer/transformerConfig.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";

/**
 * "Nearest the average position of the largest token": d = 4 (one, tok, pos, avg), vocabulary M = 0 and
 * tokens 1 … 7. One head scores each key by its token, so every key holding the largest token ties, and
 * averages sign·(their positions) into avg. The token head's logits 2·avg·t − t² (t ≥ 1; MASK far below)
 * peak at t = avg, the lowest id on a tie. Integer weights; a tie average is an integer iff the tied
 * positions' sum divides by their count.
 */
export function averagePositionModel(sign: 1 | -1): Transformer {
  const V = 8;
  const config: TransformerConfig = {
    vocab: ["M", ...Array.from({ length: V - 1 }, (_, t) => `t${t + 1}`)],
    maskToken: 0,
    dModel: 4,
    positionFeatures: [{ kind: "one" }, { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }],
    layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 0 }],
    attention: { kind: "average-hard" },
    causal: false,
    control: false,
  };
  const tokenEmbedding = new Float64Array(V * 4);
  for (let t = 0; t < V; t++) tokenEmbedding[t * 4 + 1] = t;
  const tokenHead = new Float64Array(4 * V);
  const tokenBias = new Float64Array(V);
  tokenBias[0] = -1000;
  for (let t = 1; t < V; t++) {
    tokenHead[3 * V + t] = 2 * t;
    tokenBias[t] = -t * t;
  }
  return {
    config,
    labels: ["one", "tok", "pos", "avg"],
    weights: {
      tokenEmbedding,
      positionEmbedding: Float64Array.from([1, 0, 0, 0, 0, 0, 1, 0]),
      layers: [
        {
          heads: [{ wq: Float64Array.from([1, 0, 0, 0]), wk: Float64Array.from([0, 1, 0, 0]), wv: Float64Array.from([0, 0, sign, 0]), wo: Float64Array.from([0, 0, 0, 1]) }],
          w1: new Float64Array(0),
          b1: new Float64Array(0),
          w2: new Float64Array(0),
          b2: new Float64Array(4),
        },
      ],
      tokenHead,
      tokenBias,
      controlHead: null,
      controlBias: null,
    },
  };
}
