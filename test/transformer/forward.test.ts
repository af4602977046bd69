import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { forward } from "../../src/transformer/forward.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { modelsAndTokens } from "./arbitraryTransformer.js";

describe("forward", () => {
  test.prop([modelsAndTokens], { numRuns: 300 })("the sparse path equals the dense reference exactly, logits, residuals, selected keys and meters", ([model, tokens]) => {
    const dense = forward(model, tokens, { dense: true, capture: true });
    const sparse = forward(model, tokens, { capture: true });
    expect(sparse.tokenLogits).toEqual(dense.tokenLogits);
    expect(sparse.controlLogits).toEqual(dense.controlLogits);
    expect(sparse.capture!.residual).toEqual(dense.capture!.residual);
    model.config.layers.forEach((layer, l) =>
      layer.heads.forEach((_, h) => tokens.forEach((_, i) => expect(sparse.capture!.selected(l, h, i)).toEqual(dense.capture!.selected(l, h, i)))),
    );
    expect(sparse.meter).toEqual(dense.meter);
  });

  test.prop([modelsAndTokens, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 })], { numRuns: 100 })(
    "outputs: the requested rows equal the full pass, the others are 0",
    ([model, tokens], mask) => {
      const outputs = Uint8Array.from(tokens, (_, i) => (mask[i] ? 1 : 0));
      const full = forward(model, tokens);
      const part = forward(model, tokens, { outputs });
      const V = model.config.vocab.length;
      tokens.forEach((_, i) => {
        const want = (logits: Float64Array, w: number) => Array.from(logits.subarray(i * w, (i + 1) * w), (z) => (outputs[i] ? z : 0));
        expect(Array.from(part.tokenLogits.subarray(i * V, (i + 1) * V))).toEqual(want(full.tokenLogits, V));
        if (full.controlLogits) expect(Array.from(part.controlLogits!.subarray(i * 3, i * 3 + 3))).toEqual(want(full.controlLogits, 3));
      });
    },
  );

  it("meters FLOPs by the documented formula", () => {
    // d = 4, V = 5, one layer of two heads (dQK 2, dV 3; dQK 1, dV 1) and 6 MLP units, control, n = 7.
    const config = { vocab: ["a", "b", "c", "d", "e"], maskToken: 0, dModel: 4, positionFeatures: [], layers: [{ heads: [{ dQK: 2, dV: 3 }, { dQK: 1, dV: 1 }], mlpHidden: 6 }], attention: { kind: "softmax" as const, beta: 1 }, causal: true, control: true };
    const model = randomTransformer(config, 1, 1);
    const n = 7;
    const keys = (n * (n + 1)) / 2; // causal: query i sees i + 1 keys
    const head = (dQK: number, dV: number) => n * 4 * (2 * dQK + dV) + keys * dQK + keys * dV + n * dV * 4;
    const outputs = Uint8Array.from([1, 0, 1, 0, 0, 0, 1]);
    const r = forward(model, new Int32Array(n), { outputs });
    expect(r.meter.flops).toBe(2 * (head(2, 3) + head(1, 1) + 2 * n * 4 * 6 + 3 * 4 * 5 + 3 * 4 * 3));
  });

  it("captures L + 1 residual snapshots, the first being the embedding", () => {
    const model = randomTransformer({ vocab: ["a", "b"], maskToken: 0, dModel: 3, positionFeatures: [{ kind: "one" }], layers: [{ heads: [], mlpHidden: 2 }, { heads: [], mlpHidden: 0 }], attention: { kind: "average-hard" }, causal: false, control: false }, 5, 1);
    const r = forward(model, Int32Array.from([1, 0]), { capture: true });
    expect(r.capture!.residual).toHaveLength(3);
    const { tokenEmbedding: E, positionEmbedding: P } = model.weights;
    expect(Array.from(r.capture!.residual[0])).toEqual([E[3] + P[0], E[4] + P[1], E[5] + P[2], E[0] + P[0], E[1] + P[1], E[2] + P[2]]);
    expect(forward(model, Int32Array.from([1, 0])).capture).toBeNull();
  });

  it("rejects a token outside the vocabulary", () => {
    const model = randomTransformer({ vocab: ["a"], maskToken: 0, dModel: 1, positionFeatures: [], layers: [], attention: { kind: "average-hard" }, causal: false, control: false }, 0, 1);
    expect(() => forward(model, Int32Array.from([0, 1]))).toThrow(/token 1 at position 1/);
  });
});

/**
 * d = 3: dim 0 = 1 (position feature one), dim 1 = the token's value, dim 2 receives the head's output.
 * One head, score(i, j) = value_j, value = value_j: every query picks the largest value.
 */
function maxHead(attention: Transformer["config"]["attention"], causal: boolean): Transformer {
  return {
    config: { vocab: ["0", "1", "2"], maskToken: 0, dModel: 3, positionFeatures: [{ kind: "one" }], layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 0 }], attention, causal, control: false },
    labels: ["one", "value", "out"],
    weights: {
      tokenEmbedding: Float64Array.from([0, 0, 0, 0, 1, 0, 0, 2, 0]),
      positionEmbedding: Float64Array.from([1, 0, 0]),
      layers: [{ heads: [{ wq: Float64Array.from([1, 0, 0]), wk: Float64Array.from([0, 1, 0]), wv: Float64Array.from([0, 1, 0]), wo: Float64Array.from([0, 0, 1]) }], w1: new Float64Array(0), b1: new Float64Array(0), w2: new Float64Array(0), b2: new Float64Array(3) }],
      // logits: token t gets t · out (so the margin is out)
      tokenHead: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2]),
      tokenBias: new Float64Array(3),
      controlHead: null,
      controlBias: null,
    },
  };
}

const headOutput = (model: Transformer, tokens: number[]) => {
  const r = forward(model, Int32Array.from(tokens), { capture: true });
  return { out: tokens.map((_, i) => r.capture!.residual[1][i * 3 + 2]), r };
};

describe("attention", () => {
  it("average-hard averages every key tied at the maximum, and only those", () => {
    const { out, r } = headOutput(maxHead({ kind: "average-hard" }, false), [1, 2, 0, 2]);
    expect(out).toEqual([2, 2, 2, 2]);
    expect(r.capture!.selected(0, 0, 0)).toEqual([1, 3]);
    expect(r.meter.minAttentionMargin).toBe(1);
    expect(r.meter.minLogitMargin).toBe(2);
  });

  it("average-hard gives a fractional mean when tied keys carry different values", () => {
    // score = 0 for every key (query weight on dim 2, which is 0 at layer 0): all keys tie, margin Infinity.
    const m = maxHead({ kind: "average-hard" }, false);
    const heads = [{ ...m.weights.layers[0].heads[0], wq: Float64Array.from([0, 0, 1]) }];
    const tie: Transformer = { ...m, weights: { ...m.weights, layers: [{ ...m.weights.layers[0], heads }] } };
    const { out, r } = headOutput(tie, [1, 2, 0]);
    expect(out).toEqual([1, 1, 1]);
    expect(r.capture!.selected(0, 0, 2)).toEqual([0, 1, 2]);
    expect(r.meter.minAttentionMargin).toBe(Infinity);
    expect(headOutput(tie, [1, 2, 2, 0]).out).toEqual([1.25, 1.25, 1.25, 1.25]);
  });

  it("causal: a query sees only keys at or before it", () => {
    const { out, r } = headOutput(maxHead({ kind: "average-hard" }, true), [1, 0, 2, 2]);
    expect(out).toEqual([1, 1, 2, 2]);
    expect(r.capture!.selected(0, 0, 3)).toEqual([2, 3]);
    expect(r.meter.minAttentionMargin).toBe(1);
  });

  it("softmax: β = 0 is the plain mean, a large β the hard maximum, in between the Boltzmann average", () => {
    expect(headOutput(maxHead({ kind: "softmax", beta: 0 }, false), [1, 2, 0, 2]).out).toEqual([1.25, 1.25, 1.25, 1.25]);
    // e^(−50) < 2^−52 relative to the winners' weight 2, so the losers vanish from both sums in float64.
    expect(headOutput(maxHead({ kind: "softmax", beta: 50 }, false), [1, 2, 0, 2]).out).toEqual([2, 2, 2, 2]);
    const [o] = headOutput(maxHead({ kind: "softmax", beta: 1 }, false), [1, 2]).out;
    expect(o).toBeCloseTo((1 * Math.exp(-1) + 2) / (Math.exp(-1) + 1), 14);
  });
});
