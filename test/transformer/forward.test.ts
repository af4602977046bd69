import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { forward } from "../../src/transformer/forward.js";
import type { TransformerConfig } from "../../src/transformer/transformerConfig.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";

/** A random model with small integer weights, mostly zero (like the hand-built ones), of a random shape. */
const models = fc
  .record({
    d: fc.integer({ min: 1, max: 6 }),
    V: fc.integer({ min: 2, max: 5 }),
    layers: fc.array(fc.record({ heads: fc.array(fc.record({ dQK: fc.integer({ min: 1, max: 3 }), dV: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }), mlpHidden: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
    causal: fc.boolean(),
    control: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ d, V, layers, causal, control, seed }): Transformer => {
    let s = seed >>> 0;
    const next = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s;
    };
    const weight = () => (next() % 3 === 0 ? (next() % 7) - 3 : 0);
    const m = (n: number) => Float64Array.from({ length: n }, weight);
    const config: TransformerConfig = {
      vocab: Array.from({ length: V }, (_, t) => `t${t}`),
      maskToken: 0,
      dModel: d,
      positionFeatures: [{ kind: "one" }, { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }],
      layers,
      attention: { kind: "average-hard" },
      causal,
      control,
    };
    return {
      config,
      labels: Array.from({ length: d }, (_, k) => `x${k}`),
      weights: {
        tokenEmbedding: m(V * d),
        positionEmbedding: m(2 * d),
        layers: layers.map((l) => ({
          heads: l.heads.map((h) => ({ wq: m(d * h.dQK), wk: m(d * h.dQK), wv: m(d * h.dV), wo: m(h.dV * d) })),
          w1: m(d * l.mlpHidden),
          b1: m(l.mlpHidden),
          w2: m(l.mlpHidden * d),
          b2: m(d),
        })),
        tokenHead: m(d * V),
        tokenBias: m(V),
        controlHead: control ? m(d * 3) : null,
        controlBias: control ? m(3) : null,
      },
    };
  });

describe("forward", () => {
  test.prop([models, fc.array(fc.nat(), { minLength: 1, maxLength: 24 })], { numRuns: 200 })("the sparse path equals the dense reference exactly", (model, raw) => {
    const tokens = Int32Array.from(raw, (t) => t % model.config.vocab.length);
    const dense = forward(model, tokens, { dense: true, capture: true });
    const sparse = forward(model, tokens, { capture: true });
    expect(Array.from(sparse.tokenLogits)).toEqual(Array.from(dense.tokenLogits));
    expect(sparse.controlLogits && Array.from(sparse.controlLogits)).toEqual(dense.controlLogits && Array.from(dense.controlLogits));
    sparse.capture!.residual.forEach((r, l) => expect(Array.from(r)).toEqual(Array.from(dense.capture!.residual[l])));
    expect(sparse.meter).toEqual(dense.meter);
  });

  it("average-hard attention averages every key tied at the maximum, and only those", () => {
    // d = 2: dim 0 = 1 (position feature one), dim 1 = the token's value. One head, score = value of key,
    // value = value of key: every query picks the largest value and averages over its copies.
    const model: Transformer = {
      config: { vocab: ["0", "1", "2"], maskToken: 0, dModel: 3, positionFeatures: [{ kind: "one" }], layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 0 }], attention: { kind: "average-hard" }, causal: false, control: false },
      labels: ["one", "value", "out"],
      weights: {
        tokenEmbedding: Float64Array.from([0, 0, 0, 0, 1, 0, 0, 2, 0]),
        positionEmbedding: Float64Array.from([1, 0, 0]),
        layers: [{ heads: [{ wq: Float64Array.from([1, 0, 0]), wk: Float64Array.from([0, 1, 0]), wv: Float64Array.from([0, 1, 0]), wo: Float64Array.from([0, 0, 1]) }], w1: new Float64Array(0), b1: new Float64Array(0), w2: new Float64Array(0), b2: new Float64Array(3) }],
        tokenHead: new Float64Array(9),
        tokenBias: new Float64Array(3),
        controlHead: null,
        controlBias: null,
      },
    };
    const r = forward(model, Int32Array.from([1, 2, 0, 2]), { capture: true });
    const out = r.capture!.residual[1];
    expect([0, 1, 2, 3].map((i) => out[i * 3 + 2])).toEqual([2, 2, 2, 2]);
    expect(r.capture!.selected(0, 0, 0)).toEqual([1, 3]);
    expect(r.meter.minAttentionMargin).toBe(1);
    const causal = forward({ ...model, config: { ...model.config, causal: true } }, Int32Array.from([1, 0, 2, 2]), { capture: true });
    expect([0, 1, 2, 3].map((i) => causal.capture!.residual[1][i * 3 + 2])).toEqual([1, 1, 2, 2]);
  });
});
