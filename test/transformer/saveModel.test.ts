import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { parityProgram } from "../../src/ap-mdm/parity/parityProgram.js";
import { compile } from "../../src/efasp/compile.js";
import { forward } from "../../src/transformer/forward.js";
import { loadModel } from "../../src/transformer/loadModel.js";
import { ModelError } from "../../src/transformer/ModelError.js";
import { saveModel } from "../../src/transformer/saveModel.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { modelsAndTokens } from "./arbitraryTransformer.js";

const root = mkdtempSync(join(tmpdir(), "apmdm-save-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshDir = () => join(root, `m${count++}`);

function expectSameForward(a: Transformer, b: Transformer, tokens: Int32Array): void {
  const ra = forward(a, tokens, { capture: true });
  const rb = forward(b, tokens, { capture: true });
  expect(rb.tokenLogits).toEqual(ra.tokenLogits);
  expect(rb.controlLogits).toEqual(ra.controlLogits);
  expect(rb.capture!.residual).toEqual(ra.capture!.residual);
  expect(rb.meter).toEqual(ra.meter);
}

describe("saveModel / loadModel", () => {
  test.prop([modelsAndTokens], { numRuns: 60 })("round trip: the same config, labels, weights and forward pass", ([model, tokens]) => {
    const dir = freshDir();
    saveModel(model, dir);
    const loaded = loadModel(dir);
    expect(loaded.config).toEqual(model.config);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.weights).toEqual(model.weights);
    expectSameForward(model, loaded, tokens);
  });

  it("round trip of a compiled model (the parity AP-MDM), with the control head", () => {
    const { model } = compile(parityProgram(8));
    const dir = freshDir();
    saveModel(model, dir);
    const loaded = loadModel(dir);
    expect(loaded.weights).toEqual(model.weights);
    expect(loaded.labels).toEqual(model.labels);
    expectSameForward(model, loaded, Int32Array.from({ length: 9 }, (_, i) => i % model.config.vocab.length));
  });

  it("writes the standard safetensors layout: u64 header length, padded JSON header, F64 data", () => {
    const { model } = compile(parityProgram(4));
    const dir = freshDir();
    saveModel(model, dir);
    const bytes = readFileSync(join(dir, "model.safetensors"));
    const headerLength = Number(bytes.readBigUInt64LE(0));
    expect((8 + headerLength) % 8).toBe(0);
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8"));
    expect(header.__metadata__).toEqual({ format: "apmdm-transformer", version: "1" });
    const embedding = header.token_embedding;
    expect(embedding).toEqual({ dtype: "F64", shape: [model.config.vocab.length, model.config.dModel], data_offsets: [0, 8 * model.weights.tokenEmbedding.length] });
    expect(bytes.readDoubleLE(8 + headerLength)).toBe(model.weights.tokenEmbedding[0]);
    expect(JSON.parse(readFileSync(join(dir, "labels.json"), "utf8"))).toEqual(model.labels);
  });

  it("saves into an existing directory, keeping its other files and leaving no temporary files", () => {
    const { model } = compile(parityProgram(4));
    const dir = freshDir();
    saveModel(model, dir);
    writeFileSync(join(dir, "canvas.json"), "[]");
    saveModel(model, dir);
    expect(readdirSync(dir).sort()).toEqual(["canvas.json", "config.json", "labels.json", "model.safetensors"]);
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("a target that cannot be written is a ModelError, and nothing is left behind", () => {
    const { model } = compile(parityProgram(4));
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    expect(() => saveModel(model, file)).toThrow(ModelError);
    expect(() => saveModel(model, file)).toThrow(/a-file: cannot save the model/);
    expect(readFileSync(file, "utf8")).toBe("x");
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("a missing directory or file is a model/missing error naming the file", () => {
    const dir = freshDir();
    expect(() => loadModel(dir)).toThrow(expect.objectContaining({ code: "model/missing", message: `${join(dir, "config.json")}: no such file` }));
    saveModel(compile(parityProgram(4)).model, dir);
    rmSync(join(dir, "labels.json"));
    expect(() => loadModel(dir)).toThrow(expect.objectContaining({ code: "model/missing", message: `${join(dir, "labels.json")}: no such file` }));
  });
});
