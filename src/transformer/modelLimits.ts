import type { JsonEntryLimits } from "./JsonEntryCounter.js";
import type { ModelFiles } from "./modelFiles.js";

/**
 * What a model directory may hold (docs/semantics.md, "Limits"), checked before anything is materialised:
 * a file's byte size before it is read, a list's length before the file is parsed (JSON_ENTRY_LIMITS), the parameter
 * count config.json implies against the bytes model.safetensors holds before any tensor is decoded. Each
 * limit is far above what the constructions emit (a 16-bit-word model has 65,536 tokens and a width of a
 * few hundred) and far below what would exhaust memory.
 */
export const MODEL_LIMITS = {
  /** Bytes per file. Node reads at most 2 GiB into one buffer. */
  fileBytes: { config: 64 * 2 ** 20, labels: 64 * 2 ** 20, tensors: 2 ** 31 - 1 } satisfies Record<keyof ModelFiles, number>,
  /** The JSON header of model.safetensors (the format's own limit is 100 MB). */
  safetensorsHeaderBytes: 100_000_000,
  vocab: 2 ** 20,
  dModel: 2 ** 20,
  positionFeatures: 4096,
  layers: 4096,
  /** Heads summed over all layers. */
  heads: 65536,
  /** dQK, dV and mlpHidden. */
  innerWidth: 2 ** 20,
} as const;

/** config.json's lists, by path (JsonEntryCounter). */
const CONFIG_LISTS = new Map<string, number>([
  ["vocab", MODEL_LIMITS.vocab],
  ["positionFeatures", MODEL_LIMITS.positionFeatures],
  ["layers", MODEL_LIMITS.layers],
  ["layers[].heads", MODEL_LIMITS.heads],
]);

/**
 * The entries a list or object of the model's JSON may hold where the format has no list: far more than its
 * objects' fields (at most 8), so that a few unknown fields or tensors are named by the checks after parsing.
 */
export const JSON_SPARE_ENTRIES = 64;

/**
 * The entries config.json and labels.json may hold, counted on their bytes before they are parsed
 * (JsonEntryCounter; config.json nests 5 deep, labels.json 1): config.json's lists by MODEL_LIMITS (the
 * heads of all layers together too), labels.json one label per residual dimension, at most
 * MODEL_LIMITS.dModel; any other list or object JSON_SPARE_ENTRIES. (decodeModel allows model.safetensors'
 * header JSON_SPARE_ENTRIES entries beyond the tensors config.json implies.)
 */
export const JSON_ENTRY_LIMITS = {
  config: { depth: 8, entries: (path) => CONFIG_LISTS.get(path) ?? JSON_SPARE_ENTRIES, totals: new Map([["layers[].heads", MODEL_LIMITS.heads]]) },
  labels: { depth: 8, entries: (path) => (path === "" ? MODEL_LIMITS.dModel : JSON_SPARE_ENTRIES) },
} as const satisfies Record<"config" | "labels", JsonEntryLimits>;
