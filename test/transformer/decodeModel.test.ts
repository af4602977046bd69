import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeModel } from "../../src/transformer/decodeModel.js";
import { encodeModel } from "../../src/transformer/encodeModel.js";
import { forward } from "../../src/transformer/forward.js";
import type { ModelFiles } from "../../src/transformer/modelFiles.js";
import { ModelError } from "../../src/transformer/ModelError.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";
import { transformers } from "./arbitraryTransformer.js";
import { fuzzRuns } from "../fuzz/fuzzRuns.js";

const DIR = "/models/m";

/** Decoding either fails with a ModelError naming one of the three files, or gives a model that runs. */
function decodeOrModelError(files: ModelFiles): "ok" | ModelError {
  try {
    const model = decodeModel(files, DIR);
    forward(model, new Int32Array(3));
    return "ok";
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    expect(e.code).toBe("model/corrupt");
    expect(e.message).toMatch(/^\/models\/m\/(config\.json|labels\.json|model\.safetensors): /);
    return e;
  }
}

const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const keys = ["config", "labels", "tensors"] as const;

/** A model's files, and one of them (with its byte length) for a corruption to aim at. */
const filesAndTarget = fc.tuple(transformers, fc.constantFrom(...keys)).map(([model, key]) => ({ files: encodeModel(model), key }));

describe("decodeModel (the loader, fuzzed)", () => {
  test.prop([transformers], fuzzRuns(50))("decodes what encodeModel wrote", (model) => {
    const back = decodeModel(encodeModel(model), DIR);
    expect(back.config).toEqual(model.config);
    expect(back.weights).toEqual(model.weights);
  });

  test.prop([filesAndTarget, fc.double({ min: 0, max: 1, maxExcluded: true })], fuzzRuns(300))("any truncation of any file is a ModelError", ({ files, key }, cut) => {
    // The JSON files end in a newline, which may go: cut into what precedes it.
    const length = key === "tensors" ? files[key].length : files[key].length - 1;
    const bytes = files[key].subarray(0, Math.floor(cut * length));
    expect(decodeOrModelError({ ...files, [key]: bytes })).toBeInstanceOf(ModelError);
  });

  test.prop([filesAndTarget, fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 })], fuzzRuns(500))(
    "flipped bytes anywhere: a ModelError or a model that runs, never another exception",
    ({ files, key }, flips) => {
      const bytes = files[key].slice();
      for (const [at, mask] of flips) bytes[Math.floor(at * bytes.length)] ^= mask;
      decodeOrModelError({ ...files, [key]: bytes });
    },
  );

  test.prop([filesAndTarget, fc.uint8Array({ maxLength: 64 })], fuzzRuns(200))("random bytes in place of a file: a ModelError, never another exception", ({ files, key }, junk) => {
    decodeOrModelError({ ...files, [key]: junk });
  });

  test.prop([transformers, fc.constantFrom("dModel", "vocab", "positionFeatures", "control", "dQK", "dV", "mlpHidden", "layers")], fuzzRuns(200))(
    "a config whose shapes disagree with the tensors is a ModelError",
    (model, field) => {
      const files = encodeModel(model);
      const c = json(files.config);
      const layer = c.layers.find((l: { heads: unknown[] }) => l.heads.length > 0);
      if (field === "dModel") c.dModel += 1;
      else if (field === "vocab") c.vocab.push("extra");
      else if (field === "positionFeatures") c.positionFeatures.push({ kind: "one" });
      else if (field === "control") c.control = !c.control;
      else if (field === "layers") c.layers.push({ heads: [], mlpHidden: 0 });
      else if (field === "mlpHidden" && c.layers.length > 0) c.layers[0].mlpHidden += 1;
      else if ((field === "dQK" || field === "dV") && layer) layer.heads[0][field] += 1;
      else c.dModel += 2;
      expect(decodeOrModelError({ ...files, config: text(c) })).toBeInstanceOf(ModelError);
    },
  );

  test.prop([transformers, fc.jsonValue(), fc.nat({ max: 5 })], fuzzRuns(200))("any JSON value in place of a config field: a ModelError or a valid model", (model, value, field) => {
    const files = encodeModel(model);
    const c = json(files.config);
    const paths: ((v: unknown) => void)[] = [(v) => (c.maskToken = v), (v) => (c.attention = v), (v) => (c.causal = v), (v) => (c.vocab = v), (v) => (c.layers = v), (v) => (c.positionFeatures = [v])];
    paths[field](value);
    decodeOrModelError({ ...files, config: text(c) });
  });

  test.prop([transformers, fc.constantFrom(Number.NaN, Infinity, -Infinity)], fuzzRuns(50))("a non-finite weight is a ModelError", (model, bad) => {
    const weights = { ...model.weights, tokenBias: model.weights.tokenBias.map((v, k) => (k === 0 ? bad : v)) };
    const e = decodeOrModelError(encodeModel({ ...model, weights }));
    expect(e).toBeInstanceOf(ModelError);
    expect((e as ModelError).message).toMatch(/tensor token_head.bias entry 0 is (NaN|-?Infinity); weights must be finite/);
  });

  const small = randomTransformer({ vocab: ["a", "b"], maskToken: 0, dModel: 2, positionFeatures: [{ kind: "one" }], layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 1 }], attention: { kind: "average-hard" }, causal: false, control: false }, 3, 1);
  const files = encodeModel(small);
  const config = json(files.config);
  it.each<[string, Partial<ModelFiles>, RegExp]>([
    ["config not JSON", { config: text("x").subarray(1) }, /config\.json: is not valid JSON/],
    ["an unknown config field", { config: text({ ...config, extra: 1 }) }, /config\.json: config has an unknown field "extra"/],
    ["a missing config field", { config: text({ ...config, causal: undefined }) }, /config\.json: config lacks the field "causal"/],
    ["a fractional width", { config: text({ ...config, dModel: 2.5 }) }, /config\.json: dModel must be an integer ≥ 1, got 2.5/],
    ["a mask token outside the vocabulary", { config: text({ ...config, maskToken: 2 }) }, /maskToken must be a token id below 2, got 2/],
    ["a bad position feature", { config: text({ ...config, positionFeatures: [{ kind: "index", offset: 0, divisor: 0, modulus: null, power: 1 }] }) }, /positionFeatures\[0\]\.divisor must be an integer ≥ 1, got 0/],
    ["a bad head", { config: text({ ...config, layers: [{ heads: [{ dQK: "1", dV: 1 }], mlpHidden: 1 }] }) }, /layers\[0\]\.heads\[0\]\.dQK must be an integer ≥ 0, got "1"/],
    ["a softmax without β", { config: text({ ...config, attention: { kind: "softmax" } }) }, /attention lacks the field "beta"/],
    ["too few labels", { labels: text(["x0"]) }, /labels\.json: has 1 labels, but dModel is 2/],
    ["a label that is not a string", { labels: text(["x0", 1]) }, /labels\.json: entry 1 is not a string/],
  ])("names the file and why: %s", (_, edit, message) => {
    expect(() => decodeModel({ ...files, ...edit }, DIR)).toThrow(expect.objectContaining({ code: "model/corrupt", message: expect.stringMatching(message) }));
  });

  it("names an unknown or a missing tensor and a wrong shape", () => {
    const other = encodeModel(randomTransformer({ ...small.config, control: true }, 3, 1));
    expect(() => decodeModel({ ...files, tensors: other.tensors }, DIR)).toThrow(/model\.safetensors: unknown tensor control_head\.weight/);
    expect(() => decodeModel({ ...other, tensors: files.tensors }, DIR)).toThrow(/model\.safetensors: missing tensor control_head\.weight \(shape \[2,3\]\)/);
    const wide = encodeModel(randomTransformer({ ...small.config, layers: [{ heads: [{ dQK: 2, dV: 1 }], mlpHidden: 1 }] }, 3, 1));
    expect(() => decodeModel({ ...files, tensors: wide.tensors }, DIR)).toThrow(/tensor layers\.0\.heads\.0\.wq has shape \[2,2\], config\.json implies \[2,1\]/);
  });
});
