import { join } from "node:path";
import { decodeSafetensors } from "./decodeSafetensors.js";
import { MODEL_FILE_NAMES, type ModelFiles } from "./modelFiles.js";
import { ModelError } from "./ModelError.js";
import { JsonEntryCounter, type JsonEntryLimits } from "./JsonEntryCounter.js";
import { JSON_ENTRY_LIMITS, JSON_SPARE_ENTRIES } from "./modelLimits.js";
import { modelTensors, weightsFromTensors } from "./modelTensors.js";
import { parseConfig } from "./parseConfig.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * A model from the bytes of its files in `dir` (named in errors only), strictly: config.json must parse
 * (parseConfig), labels.json must hold one string per residual dimension, and model.safetensors must hold
 * exactly the tensors the config implies (modelTensors), each of the implied shape, every entry finite.
 * labels.json is checked last: a dModel that disagrees with both is blamed on config.json, through the
 * tensor shapes it implies.
 * Anything else is a ModelError naming the file and why.
 */
export function decodeModel(files: ModelFiles, dir: string): Transformer {
  const path = (key: keyof ModelFiles) => join(dir, MODEL_FILE_NAMES[key]);
  const config = parseConfig(readJson(files.config, path("config"), JSON_ENTRY_LIMITS.config), path("config"));
  const file = path("tensors");
  const corrupt = (why: string) => new ModelError("corrupt", file, why);
  const specs = modelTensors(config);
  // Its header holds one entry per tensor and __metadata__: past a few more (each named below, if parsed),
  // the header is refused before it is parsed.
  const { tensors } = decodeSafetensors(files.tensors, file, { depth: 8, entries: (p) => (p === "" ? specs.length + JSON_SPARE_ENTRIES : Infinity) });
  const expected = new Map(specs.map((s) => [s.name, s]));
  const data = new Map<string, Float64Array>();
  for (const t of tensors) {
    const spec = expected.get(t.name);
    if (!spec) throw corrupt(`unknown tensor ${t.name} (not part of the model config.json describes)`);
    if (t.shape.length !== spec.shape.length || t.shape.some((s, k) => s !== spec.shape[k])) throw corrupt(`tensor ${t.name} has shape [${t.shape}], config.json implies [${spec.shape}]`);
    const k = t.data.findIndex((v) => !Number.isFinite(v));
    if (k >= 0) throw corrupt(`tensor ${t.name} entry ${k} is ${t.data[k]}; weights must be finite`);
    data.set(t.name, t.data);
  }
  const missing = specs.find((s) => !data.has(s.name));
  if (missing) throw corrupt(`missing tensor ${missing.name} (shape [${missing.shape}])`);
  const labels = readJson(files.labels, path("labels"), JSON_ENTRY_LIMITS.labels);
  const labelsFail = (why: string) => new ModelError("corrupt", path("labels"), why);
  if (!Array.isArray(labels)) throw labelsFail("must be a list of strings");
  const bad = labels.findIndex((l) => typeof l !== "string");
  if (bad >= 0) throw labelsFail(`entry ${bad} is not a string`);
  if (labels.length !== config.dModel) throw labelsFail(`has ${labels.length} labels, but dModel is ${config.dModel}`);

  return { config, labels: labels as string[], weights: weightsFromTensors(config, data) };
}

/** Parsed JSON, its entries counted against `limits` first (JsonEntryCounter). */
function readJson(bytes: Uint8Array, file: string, limits: JsonEntryLimits): unknown {
  new JsonEntryCounter(limits, file).feed(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ModelError("corrupt", file, "is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ModelError("corrupt", file, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
