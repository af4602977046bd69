import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/transformer/saveModel.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { cli } from "./bufferIo.js";

// The worked example of docs/model-format.md: on a b M b the head averages the positions of the b's.
const f = (...v: number[]) => Float64Array.from(v);
const example: Transformer = {
  config: {
    vocab: ["M", "a", "b"],
    maskToken: 0,
    dModel: 4,
    positionFeatures: [{ kind: "one" }, { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }],
    layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 1 }],
    attention: { kind: "average-hard" },
    causal: false,
    control: true,
  },
  labels: ["one", "tok", "pos", "avg"],
  weights: {
    tokenEmbedding: f(0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0),
    positionEmbedding: f(1, 0, 0, 0, 0, 0, 1, 0),
    layers: [{ heads: [{ wq: f(1, 0, 0, 0), wk: f(0, 1, 0, 0), wv: f(0, 0, 1, 0), wo: f(0, 0, 0, 1) }], w1: f(-1, 0, 1, 0), b1: f(0), w2: f(0, 0, 0, 2), b2: f(0, 0, 0, 0.5) }],
    tokenHead: f(0, 1, 0, 0, 0, 1, 0, 0, 0, 1, -1, 1),
    tokenBias: f(0.25, 0, -1),
    controlHead: f(-1, -1.5, 0, 0, 0, -1, 0, 1, 0, 1, 0, 0),
    controlBias: f(0, 0, 1),
  },
};

const root = mkdtempSync(join(tmpdir(), "apmdm-cli-model-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, "example");
saveModel(example, dir);

describe("apmdm model inspect", () => {
  it("prints the config, each layer, the parameter count and every label", async () => {
    expect(await cli("model", "inspect", dir)).toEqual({
      code: 0,
      out: [
        `model ${dir}`,
        "  vocabulary   3 tokens: M a b (mask: M)",
        "  width        4",
        "  layers       1 (1 head, 1 MLP unit)",
        "  attention    average-hard, encoder-only",
        "  positions    1, i",
        "  control      remask, insert, delete logits",
        "  parameters   79",
        "  layer 0      1 head (dQK 1, dV 1), MLP of 1 unit",
        "  labels",
        "    0  one",
        "    1  tok",
        "    2  pos",
        "    3  avg",
        "",
      ].join("\n"),
      err: "",
    });
  });

  it("--json gives the same facts as an object", async () => {
    const r = JSON.parse((await cli("model", "inspect", dir, "--json")).out);
    expect(r).toMatchObject({ width: 4, heads: 1, mlpUnits: 1, parameters: 79, control: true, positionFeatures: ["1", "i"], labels: ["one", "tok", "pos", "avg"] });
  });
});

describe("apmdm model run", () => {
  it("prints the prediction and the control bits at every position", async () => {
    expect(await cli("model", "run", dir, "--tokens", "1,2,0,2")).toEqual({
      code: 0,
      out: [
        `${dir}: 4 positions, 432 FLOPs, min attention margin 1, min logit margin 0.25`,
        "   pos  token  → prediction  control",
        "     0  1 a    → 0 M  remask",
        "     1  2 b    → 2 b  remask",
        "     2  0 M    → 0 M  remask,insert,delete",
        "     3  2 b    → 2 b  remask,insert",
        "",
      ].join("\n"),
      err: "",
    });
  });

  it("--json prints one object with every position, its ties and the meters", async () => {
    const r = JSON.parse((await cli("model", "run", dir, "--tokens", "1,2,0,2", "--json")).out);
    expect(r.tokens).toEqual([1, 2, 0, 2]);
    expect(r.predictions[2]).toEqual({ position: 2, token: 0, tokenName: "M", prediction: 0, predictionName: "M", tied: [0], control: { remask: 1, insert: 1, delete: 1 } });
    expect(r.meter).toEqual({ flops: 432, work: 432, fullPasses: 1, minAttentionMargin: 1, minLogitMargin: 0.25 });
  });

  it.each([
    [["model", "run", dir, "--tokens", "1,3"], `apmdm model run: --tokens: item 2 (3) is not a token id of this model (0..2)\n`],
    [["model", "run", dir, "--tokens", "1,x"], `apmdm model run: --tokens: item 2 'x' is not an integer\n`],
    [["model", "run", dir, "--tokens", ""], `apmdm model run: --tokens has an empty value\n`],
    [["model", "run", dir], `apmdm model run: --tokens is required, e.g. --tokens 1,2,3\n`],
    [["model", "run", join(root, "nothing"), "--tokens", "1"], `apmdm model run: ${join(root, "nothing", "config.json")}: no such file\n`],
    [["model", "inspect"], `apmdm model inspect: give exactly one model directory\n`],
  ])("a bad argument is one line on stderr and exit 2: %j", async (argv, err) => {
    expect(await cli(...argv)).toEqual({ code: 2, out: "", err });
  });

  it("a corrupt model file is one line naming the file", async () => {
    const bad = join(root, "bad");
    saveModel(example, bad);
    writeFileSync(join(bad, "model.safetensors"), Uint8Array.from([8, 0, 0, 0, 0, 0, 0, 0, 123, 125]));
    const r = await cli("model", "inspect", bad);
    expect(r).toEqual({ code: 2, out: "", err: `apmdm model inspect: ${join(bad, "model.safetensors")}: header length 8 exceeds the 2 bytes after it\n` });
  });
});
