import type { TransformerConfig } from "../transformer/transformerConfig.js";
import type { HeadWeights, LayerWeights, Transformer } from "../transformer/transformerWeights.js";
import type { Affine } from "./affine.js";
import type { Allocation } from "./allocate.js";
import type { EfaspProgram } from "./efaspProgram.js";
import type { Head, Linear } from "./feature.js";
import { gadget } from "./gadget.js";
import type { Schedule } from "./schedule.js";

/**
 * Pass 4: the weights. Writing an affine form into column `col` of a [d, cols] matrix puts each
 * coefficient in its dimension's row, and its constant in row 0 (the dimension that is always 1) — or,
 * for the MLP and the output heads, which have biases, in the bias.
 *  - Embedding: E[t][dim f] = f.table[t] for each token feature; Pos[k][dim] = 1 for each position feature.
 *  - A head with score terms q_t·k_t and values v: Wq[:, t] = q_t, Wk[:, t] = k_t (so the score is
 *    exactly Σ_t q_t(i)·k_t(j)), Wv[:, s] = v_s, and Wo[s][dim of slot s's aggregate feature] = 1.
 *  - An MLP: each gadget's units, W1[:, u] = input_u (+ b1), W2[u][dim f] = weight_u, b2[dim f] = bias.
 *  - Code output s: ℓ_v = 2v·s − v² (exact peak at v = s, every other token at least 1 lower);
 *    scores: ℓ_v = score_v; control bit c: logit 2c − 1 (> 0 iff c = 1).
 */
export function emit(program: EfaspProgram, alloc: Allocation, plan: Schedule): Transformer {
  const d = alloc.width;
  const V = program.vocab.length;
  const affineOf = (id: number) => alloc.affine.get(id)!;
  const linearAffine = (x: Linear): Affine => {
    const terms = new Map<number, number>();
    let bias = x.bias;
    for (const [c, f] of x.terms) {
      const a = affineOf(f.id);
      for (const [dim, w] of a.terms) terms.set(dim, (terms.get(dim) ?? 0) + c * w);
      bias += c * a.bias;
    }
    return { terms, bias };
  };
  /** Column `col` of a [d, cols] matrix; the constant goes to `bias[col]` when given, else to row 0. */
  const put = (m: Float64Array, cols: number, col: number, a: Affine, scale = 1, bias?: Float64Array) => {
    for (const [dim, w] of a.terms) m[dim * cols + col] += scale * w;
    if (bias) bias[col] += scale * a.bias;
    else m[col] += scale * a.bias;
  };

  const tokenEmbedding = new Float64Array(V * d);
  const positionEmbedding = new Float64Array(alloc.positions.length * d);
  alloc.positions.forEach((p, k) => (positionEmbedding[k * d + p.dim] = 1));
  for (const f of alloc.order) {
    if (f.kind !== "token") continue;
    const dim = alloc.dim.get(f.id)!;
    for (let t = 0; t < V; t++) tokenEmbedding[t * d + dim] = f.table[t];
  }

  const aggregateDims = new Map<number, (number | undefined)[]>();
  for (const f of alloc.order) {
    if (f.kind !== "aggregate") continue;
    const dims = aggregateDims.get(f.head.id) ?? [];
    dims[f.slot] = alloc.dim.get(f.id);
    aggregateDims.set(f.head.id, dims);
  }
  const headWeights = (h: Head): HeadWeights => {
    const dQK = h.score.length;
    const dV = h.values.length;
    const w = { wq: new Float64Array(d * dQK), wk: new Float64Array(d * dQK), wv: new Float64Array(d * dV), wo: new Float64Array(dV * d) };
    h.score.forEach((t, c) => {
      put(w.wq, dQK, c, linearAffine(t.q));
      put(w.wk, dQK, c, linearAffine(t.k));
    });
    h.values.forEach((v, s) => {
      put(w.wv, dV, s, affineOf(v.id));
      const out = aggregateDims.get(h.id)?.[s];
      if (out !== undefined) w.wo[s * d + out] = 1;
    });
    return w;
  };

  const layers: LayerWeights[] = [];
  const layerConfigs: TransformerConfig["layers"][number][] = [];
  for (let l = 0; l < plan.layers; l++) {
    const gadgets = plan.mlp[l].map((f) => ({ f, g: gadget(f, f.inputs.map((x) => affineOf(x.id))) }));
    const H = gadgets.reduce((s, { g }) => s + g.units.length, 0);
    const w1 = new Float64Array(d * H);
    const b1 = new Float64Array(H);
    const w2 = new Float64Array(H * d);
    const b2 = new Float64Array(d);
    let u = 0;
    for (const { f, g } of gadgets) {
      const out = alloc.dim.get(f.id)!;
      for (const unit of g.units) {
        put(w1, H, u, unit.input, 1, b1);
        w2[u * d + out] = unit.weight;
        u++;
      }
      b2[out] += g.bias;
    }
    layers.push({ heads: plan.heads[l].map(headWeights), w1, b1, w2, b2 });
    layerConfigs.push({ heads: plan.heads[l].map((h) => ({ dQK: h.score.length, dV: h.values.length })), mlpHidden: H });
  }

  const tokenHead = new Float64Array(d * V);
  const tokenBias = new Float64Array(V);
  if (program.output.kind === "code") {
    const s = affineOf(program.output.feature.id);
    for (let v = 0; v < V; v++) {
      put(tokenHead, V, v, s, 2 * v, tokenBias);
      tokenBias[v] -= v * v;
    }
  } else program.output.features.forEach((f, v) => put(tokenHead, V, v, affineOf(f.id), 1, tokenBias));
  let controlHead: Float64Array | null = null;
  let controlBias: Float64Array | null = null;
  if (program.control) {
    controlHead = new Float64Array(d * 3);
    controlBias = new Float64Array(3);
    for (const [k, c] of program.control.entries()) {
      put(controlHead, 3, k, affineOf(c.id), 2, controlBias);
      controlBias[k] -= 1;
    }
  }
  const config: TransformerConfig = {
    vocab: program.vocab,
    maskToken: program.maskToken,
    dModel: d,
    positionFeatures: alloc.positions.map((p) => p.spec),
    layers: layerConfigs,
    attention: { kind: "average-hard" },
    causal: program.causal,
    control: program.control !== null,
  };
  return { config, weights: { tokenEmbedding, positionEmbedding, layers, tokenHead, tokenBias, controlHead, controlBias }, labels: alloc.labels };
}
