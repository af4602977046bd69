import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import { forward } from "../../src/transformer/forward.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";
import { modelsAndTokens } from "../transformer/arbitraryTransformer.js";

describe("weightsPredictor", () => {
  it("predicts the lowest id among exactly tied logits, lists every tied id, and reads control bits as logit > 0", () => {
    const model = randomTransformer({ vocab: ["a", "b", "c"], maskToken: 0, dModel: 1, positionFeatures: [], layers: [], attention: { kind: "average-hard" }, causal: false, control: true }, 0, 0);
    const weights = { ...model.weights, tokenBias: Float64Array.from([1, 3, 3]), controlBias: Float64Array.from([0.5, 0, -1]) };
    const p = weightsPredictor({ ...model, weights }).predict(Int32Array.from([0, 2]), Uint8Array.from([0, 1]));
    expect(Array.from(p.prediction)).toEqual([-1, 1]);
    expect(p.tied(1)).toEqual([1, 2]);
    expect(p.tied(0)).toEqual([]);
    expect(p.control!.map((bits) => Array.from(bits))).toEqual([[0, 1], [0, 0], [0, 0]]);
  });

  test.prop([modelsAndTokens], { numRuns: 100 })("agrees with the forward pass's logits, control logits and FLOPs", ([model, tokens]) => {
    const r = forward(model, tokens);
    const p = weightsPredictor(model).predict(tokens);
    const V = model.config.vocab.length;
    tokens.forEach((_, i) => {
      const row = Array.from(r.tokenLogits.subarray(i * V, (i + 1) * V));
      const top = Math.max(...row);
      expect(p.tied(i)).toEqual(row.flatMap((z, t) => (z === top ? [t] : [])));
      expect(p.prediction[i]).toBe(p.tied(i)[0]);
      if (r.controlLogits) for (let k = 0; k < 3; k++) expect(p.control![k][i]).toBe(r.controlLogits[i * 3 + k] > 0 ? 1 : 0);
    });
    expect(p.control === null).toBe(!model.config.control);
    expect(p.flops).toBe(r.meter.flops);
  });

  test.prop([modelsAndTokens, fc.nat(), fc.nat()], { numRuns: 100 })("a prediction of the incremental engine stays as it was after later passes", ([model, tokens], at, token) => {
    const predictor = weightsPredictor(model);
    const read = (p: ReturnType<typeof predictor.predict>) => Array.from(tokens, (_, i) => p.tied(i));
    const first = predictor.predict(tokens);
    const before = read(first);
    const edited = Int32Array.from(tokens);
    edited[at % tokens.length] = token % model.config.vocab.length;
    predictor.predict(edited);
    expect(read(first)).toEqual(before);
  });
});
