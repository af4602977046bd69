import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/efasp/compile.js";
import { parityProgram } from "../../src/ap-mdm/parity/parityProgram.js";
import { decodeModel } from "../../src/transformer/decodeModel.js";
import { encodeModel } from "../../src/transformer/encodeModel.js";
import { loadModel } from "../../src/transformer/loadModel.js";
import { JSON_SPARE_ENTRIES, MODEL_LIMITS } from "../../src/transformer/modelLimits.js";
import { modelTensors } from "../../src/transformer/modelTensors.js";
import { saveModel } from "../../src/transformer/saveModel.js";

const files = encodeModel(compile(parityProgram(4)).model);
const config = JSON.parse(new TextDecoder().decode(files.config));
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const corrupt = (message: RegExp) => expect.objectContaining({ code: "model/corrupt", message: expect.stringMatching(message) });

/** Issue 10: sizes are checked before anything is materialised, and each error blames the right file. */
describe("model limits", () => {
  it("a million layers is refused by its count, before the file is parsed", () => {
    const layers = Array.from({ length: 1_000_000 }, () => 0);
    expect(() => decodeModel({ ...files, config: text({ ...config, layers }) }, "m")).toThrow(corrupt(/config\.json: layers has more entries than the limit of 4096 \(counted before parsing/));
  });

  it("a 43 MB config.json of a million layers on disk is refused by its count while it is read", () => {
    // 2.7 s and 350 MB to parse before its error; read in chunks and counted, it is refused at its 4,097th layer.
    const dir = mkdtempSync(join(tmpdir(), "apmdm-limits-"));
    writeFileSync(join(dir, "labels.json"), files.labels);
    writeFileSync(join(dir, "model.safetensors"), files.tensors);
    const layers = Buffer.from(`${JSON.stringify({ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 1 })},`.repeat(100_000));
    const fd = openSync(join(dir, "config.json"), "w");
    writeSync(fd, `${JSON.stringify({ ...config, layers: undefined }).slice(0, -1)},"layers":[`);
    for (let k = 0; k < 10; k++) writeSync(fd, layers);
    writeSync(fd, "0]}");
    closeSync(fd);
    expect(() => loadModel(dir)).toThrow(corrupt(/config\.json: layers has more entries than the limit of 4096/));
  });

  it("labels.json past the width limit and a safetensors header of far more tensors than config.json implies, before either is parsed", () => {
    const labels = new TextEncoder().encode(`[${'"",'.repeat(MODEL_LIMITS.dModel)}""]`);
    expect(() => decodeModel({ ...files, labels }, "m")).toThrow(corrupt(/labels\.json: the top level has more entries than the limit of 1048576/));
    const tensors = (entries: number) => {
      const header = new TextEncoder().encode(JSON.stringify(Object.fromEntries(Array.from({ length: entries }, (_, k) => [`t${k}`, { dtype: "F64", shape: [0], data_offsets: [0, 0] }]))));
      const bytes = new Uint8Array(8 + header.length);
      new DataView(bytes.buffer).setBigUint64(0, BigInt(header.length), true);
      bytes.set(header, 8);
      return bytes;
    };
    const implied = modelTensors(config).length;
    expect(() => decodeModel({ ...files, tensors: tensors(implied + JSON_SPARE_ENTRIES + 1) }, "m")).toThrow(corrupt(new RegExp(`model\\.safetensors: the top level has more entries than the limit of ${implied + JSON_SPARE_ENTRIES}`)));
    expect(() => decodeModel({ ...files, tensors: tensors(implied + JSON_SPARE_ENTRIES) }, "m")).toThrow(corrupt(/model\.safetensors: unknown tensor t0/));
  });

  it("dModel: 1e9 is blamed on config.json, not on labels.json", () => {
    expect(() => decodeModel({ ...files, config: text({ ...config, dModel: 1e9 }) }, "m")).toThrow(corrupt(/config\.json: dModel must be at most 1048576/));
    expect(() => decodeModel({ ...files, config: text({ ...config, dModel: config.dModel + 1 }) }, "m")).toThrow(corrupt(/model\.safetensors: tensor token_embedding has shape .* config\.json implies/));
  });

  it("too many heads over all layers", () => {
    const layer = { heads: Array.from({ length: 40_000 }, () => ({ dQK: 0, dV: 0 })), mlpHidden: 0 };
    expect(() => decodeModel({ ...files, config: text({ ...config, layers: [layer, layer] }) }, "m")).toThrow(corrupt(/layers\[\]\.heads, all together, has more entries than the limit of 65536/));
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
