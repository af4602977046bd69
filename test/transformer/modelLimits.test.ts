import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/efasp/compile.js";
import { parityProgram } from "../../src/ap-mdm/parity/parityProgram.js";
import { decodeModel } from "../../src/transformer/decodeModel.js";
import { encodeModel } from "../../src/transformer/encodeModel.js";
import { loadModel } from "../../src/transformer/loadModel.js";
import { MODEL_LIMITS } from "../../src/transformer/modelLimits.js";
import { saveModel } from "../../src/transformer/saveModel.js";

const files = encodeModel(compile(parityProgram(4)).model);
const config = JSON.parse(new TextDecoder().decode(files.config));
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const corrupt = (message: RegExp) => expect.objectContaining({ code: "model/corrupt", message: expect.stringMatching(message) });

/** Issue 10: sizes are checked before anything is materialised, and each error blames the right file. */
describe("model limits", () => {
  it("a million layers is refused by its count, before any layer is parsed", () => {
    const layers = Array.from({ length: 1_000_000 }, () => 0);
    expect(() => decodeModel({ ...files, config: text({ ...config, layers }) }, "m")).toThrow(corrupt(/config\.json: layers has 1000000 entries, more than the limit of 4096/));
  });

  it("dModel: 1e9 is blamed on config.json, not on labels.json", () => {
    expect(() => decodeModel({ ...files, config: text({ ...config, dModel: 1e9 }) }, "m")).toThrow(corrupt(/config\.json: dModel must be at most 1048576/));
    expect(() => decodeModel({ ...files, config: text({ ...config, dModel: config.dModel + 1 }) }, "m")).toThrow(corrupt(/model\.safetensors: tensor token_embedding has shape .* config\.json implies/));
  });

  it("too many heads over all layers", () => {
    const layer = { heads: Array.from({ length: 40_000 }, () => ({ dQK: 0, dV: 0 })), mlpHidden: 0 };
    expect(() => decodeModel({ ...files, config: text({ ...config, layers: [layer, layer] }) }, "m")).toThrow(corrupt(/layers\[1\]\.heads takes the heads over all layers past the limit of 65536/));
  });

  it("softmax β must be finite and ≥ 0", () => {
    for (const beta of [-1e308, -1]) {
      expect(() => decodeModel({ ...files, config: text({ ...config, attention: { kind: "softmax", beta } }) }, "m")).toThrow(corrupt(/attention\.beta must be a finite number ≥ 0/));
    }
  });

  it("a safetensors header length past the cap", () => {
    const bytes = new Uint8Array(MODEL_LIMITS.safetensorsHeaderBytes + 16);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(MODEL_LIMITS.safetensorsHeaderBytes + 1), true);
    expect(() => decodeModel({ ...files, tensors: bytes }, "m")).toThrow(corrupt(/header length 100000001 exceeds the limit of 100000000 bytes/));
  });

  it("a file given as the model directory, and a config.json past its byte limit", () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-limits-"));
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    expect(() => loadModel(file)).toThrow(expect.objectContaining({ code: "model/missing", message: `${file}: is a file, not a directory (a model is a directory holding config.json, labels.json, model.safetensors)` }));
    const model = join(dir, "model");
    saveModel(compile(parityProgram(4)).model, model);
    writeFileSync(join(model, "config.json"), Buffer.alloc(MODEL_LIMITS.fileBytes.config + 1, 32));
    expect(() => loadModel(model)).toThrow(corrupt(/config\.json: is 67108865 bytes, more than the limit of 67108864/));
  });
});
