import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import { decodeModel } from "../../src/transformer/decodeModel.js";
import { encodeModel } from "../../src/transformer/encodeModel.js";
import { forward } from "../../src/transformer/forward.js";
import { FORWARD_ENGINES } from "../../src/transformer/forwardEngine.js";
import { modelTensors } from "../../src/transformer/modelTensors.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { transformers } from "../transformer/arbitraryTransformer.js";

/** `npm run fuzz` sets APMDM_FUZZ_SCALE (cases × scale) and may set APMDM_FUZZ_SEED. */
const scale = Number(process.env.APMDM_FUZZ_SCALE ?? 1);
const seed = Number(process.env.APMDM_FUZZ_SEED ?? 10);

/**
 * A random small model with some weights pushed towards ±1e308 (each entry scaled by `big` with probability
 * `share`: some overflow to ±Infinity) and, sometimes, softmax attention with an extreme β. The embedding
 * tables are scaled too: every engine checks the embedded residual (an overflowing embedding once decoded to
 * tokens on the sparse paths, which skip the zero weights that would turn it into NaN).
 */
const extremeModels = fc
  .record({
    model: transformers,
    big: fc.constantFrom(1e150, 1e200, 1e300, 1e307, 1.7e308),
    share: fc.constantFrom(0.1, 0.5, 1),
    pick: fc.integer(),
    beta: fc.option(fc.constantFrom(-1e308, -1, 1e-300, 1e308), { freq: 4 }),
  })
  .map(({ model: generated, big, share, pick, beta }): Transformer => {
    const model = structuredClone(generated); // shrinking maps the same generated value again
    let state = pick >>> 0;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const t of modelTensors(model.config)) {
      const w = t.of(model.weights);
      for (let e = 0; e < w.length; e++) if (next() < share) w[e] *= big;
    }
    return beta === null ? model : { ...model, config: { ...model.config, attention: { kind: "softmax", beta } } };
  });

/** Whether every weight of the model is finite. */
const finiteWeights = (model: Transformer): boolean => modelTensors(model.config).every((t) => t.of(model.weights).every(Number.isFinite));

/** The engine's prediction at every position, or the error kind it stopped with. */
function outcome(model: Transformer, engine: (typeof FORWARD_ENGINES)[number], tokens: Int32Array): { error: string } | { prediction: number[]; control: number[][] | null } {
  try {
    const p = weightsPredictor(model, engine).predict(tokens);
    return { prediction: Array.from(p.prediction), control: p.control && p.control.map((c) => Array.from(c)) };
  } catch (e) {
    if (e instanceof UserError) return { error: `${e.code}: ${e.message}` };
    throw e;
  }
}

/** Every number the dense pass kept (residual snapshots, logits) is finite. */
function allFinite(model: Transformer, tokens: Int32Array): boolean {
  const r = forward(model, tokens, { dense: true, capture: true });
  return [...r.capture!.residual, r.tokenLogits, r.controlLogits ?? new Float64Array(0)].every((a) => a.every(Number.isFinite));
}

/**
 * Issue 10: a model file whose arithmetic overflows must stop with the typed `model/non-finite` error, never
 * produce tokens. The model goes through its files: the loader refuses a non-finite weight and a negative
 * β (model/corrupt) and takes anything else; then every engine runs it: all three stop with the error
 * (each at the first non-finite value it meets) or all three give the same prediction, and a prediction
 * comes only from a pass whose every residual and logit is finite.
 */
describe("fuzz: models with weights near ±1e308", () => {
  test.prop([extremeModels.chain((m) => fc.tuple(fc.constant(m), fc.array(fc.nat({ max: m.config.vocab.length - 1 }), { minLength: 1, maxLength: 12 })))], { seed, numRuns: 150 * scale })(
    "the loader refuses non-finite weights and β < 0; then every engine stops with NonFiniteError, or all give the same prediction from an all-finite pass",
    ([written, raw]) => {
      const attention = written.config.attention;
      const refused = !finiteWeights(written) || (attention.kind === "softmax" && attention.beta < 0);
      if (refused) {
        expect(() => decodeModel(encodeModel(written), "fuzz")).toThrow(expect.objectContaining({ code: "model/corrupt" }));
        return;
      }
      const model = decodeModel(encodeModel(written), "fuzz");
      const tokens = Int32Array.from(raw);
      const outcomes = FORWARD_ENGINES.map((engine) => outcome(model, engine, tokens));
      // The engines visit values in different orders, so the first non-finite one they meet may differ.
      const errors = outcomes.filter((o) => "error" in o);
      for (const e of errors) expect(e.error).toMatch(/^model\/non-finite: (layer \d+( head \d+)?|output heads|embedding), position \d+: the .+ is (-?Infinity|NaN) \(a forward pass must stay finite\)$/);
      if (errors.length === 0) {
        for (const o of outcomes) expect(o).toEqual(outcomes[0]);
        expect(allFinite(model, tokens)).toBe(true);
      } else expect(errors).toHaveLength(outcomes.length);
    },
  );

  it("the overflow the issue reported (weights near ±1e308) stops with the error, naming where", () => {
    const config = { vocab: ["M", "a"], maskToken: 0, dModel: 2, positionFeatures: [], layers: [{ heads: [], mlpHidden: 1 }], attention: { kind: "average-hard" as const }, causal: false, control: false };
    const model = randomTransformer(config, 1, 1);
    model.weights.tokenEmbedding.fill(1e308);
    model.weights.layers[0].w1.fill(1e308);
    const loaded = decodeModel(encodeModel(model), "fuzz");
    for (const engine of FORWARD_ENGINES) {
      expect(outcome(loaded, engine, Int32Array.from([0, 1]))).toEqual({ error: "model/non-finite: layer 0, position 0: the MLP hidden unit is Infinity (a forward pass must stay finite)" });
    }
  });

  it("a −∞ score at a query's first key, before a finite one, stops every engine (fuzz seed 2027, shrunk by hand)", () => {
    // q = x, k = −x over dModel 1: token M embeds as 1e200, token a as 0; query 0 scores −1e400 = −∞ at key 0,
    // then 0 at key 1. The full and dense engines took key 1 (the −∞ tied with the −∞ the maximum starts from).
    const config = { vocab: ["M", "a"], maskToken: 0, dModel: 1, positionFeatures: [], layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 0 }], attention: { kind: "average-hard" as const }, causal: false, control: false };
    const model = randomTransformer(config, 1, 1);
    model.weights.tokenEmbedding.set([1e200, 0]);
    Object.assign(model.weights.layers[0].heads[0], { wq: Float64Array.of(1), wk: Float64Array.of(-1), wv: Float64Array.of(1), wo: Float64Array.of(1) });
    const loaded = decodeModel(encodeModel(model), "fuzz");
    for (const engine of FORWARD_ENGINES) {
      expect(outcome(loaded, engine, Int32Array.from([0, 1]))).toEqual({ error: "model/non-finite: layer 0 head 0, position 0: the score is -Infinity (a forward pass must stay finite)" });
    }
  });
});
