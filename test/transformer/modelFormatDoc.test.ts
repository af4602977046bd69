import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import { decodeModel } from "../../src/transformer/decodeModel.js";
import { encodeSafetensors } from "../../src/transformer/encodeSafetensors.js";
import { forward } from "../../src/transformer/forward.js";
import { modelTensors } from "../../src/transformer/modelTensors.js";
import type { TransformerConfig } from "../../src/transformer/transformerConfig.js";

const doc = readFileSync(new URL("../../docs/model-format.md", import.meta.url), "utf8");

describe("docs/model-format.md", () => {
  it("the worked example gives exactly the residuals, logits, predictions and meters the page states", () => {
    const block = doc.split("<!-- worked example: checked by test/transformer/modelFormatDoc.test.ts -->")[1].split("```json")[1].split("```")[0];
    const ex = JSON.parse(block);
    const tensors = modelTensors(ex.config).map((s) => ({ name: s.name, shape: s.shape, data: Float64Array.from(ex.tensors[s.name]) }));
    const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const model = decodeModel({ config: text(ex.config), labels: text(ex.labels), tensors: encodeSafetensors(tensors, {}) }, "docs");
    const tokens = Int32Array.from(ex.tokens);
    for (const dense of [true, false]) {
      const r = forward(model, tokens, { dense, capture: true });
      expect(r.capture!.residual.map((x) => Array.from(x))).toEqual(ex.residual);
      expect(Array.from(r.tokenLogits)).toEqual(ex.tokenLogits);
      expect(Array.from(r.controlLogits!)).toEqual(ex.controlLogits);
      expect(r.meter).toEqual(ex.meter);
    }
    expect(Array.from(weightsPredictor(model).predict(tokens).prediction)).toEqual(ex.predictions);
  });

  it("the tensor table lists exactly the tensors of a model, with their shapes", () => {
    const sizes: Record<string, number> = { V: 5, d: 4, F: 2, dQK: 3, dV: 6, H: 7 };
    const rows = [...doc.matchAll(/^\| `([\w.{}]+)` \| \[([\w, ]+)\] \|/gm)].map((m) => ({
      name: m[1].replace("{l}", "0").replace("{h}", "0"),
      shape: m[2].split(", ").map((s) => sizes[s] ?? Number(s)),
    }));
    const config: TransformerConfig = {
      vocab: ["a", "b", "c", "d", "e"],
      maskToken: 0,
      dModel: 4,
      positionFeatures: [{ kind: "one" }, { kind: "length", power: 1 }],
      layers: [{ heads: [{ dQK: 3, dV: 6 }], mlpHidden: 7 }],
      attention: { kind: "average-hard" },
      causal: false,
      control: true,
    };
    expect(rows).toEqual(modelTensors(config).map((s) => ({ name: s.name, shape: s.shape })));
  });
});
