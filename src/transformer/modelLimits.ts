import type { ModelFiles } from "./modelFiles.js";

/**
 * What a model directory may hold (docs/semantics.md, "Limits"), checked before anything is materialised:
 * a file's byte size before it is read, a list's length before its entries are parsed, the parameter
 * count config.json implies against the bytes model.safetensors holds before any tensor is decoded. Each
 * limit is far above what the constructions emit (a 16-bit-word model has 65,536 tokens and a width of a
 * few hundred) and far below what would exhaust memory.
 */
export const MODEL_LIMITS = {
  /** Bytes per file. Node reads at most 2 GiB into one buffer. */
  fileBytes: { config: 64 * 2 ** 20, labels: 64 * 2 ** 20, tensors: 2 ** 31 - 1 } satisfies Record<keyof ModelFiles, number>,
  /** The JSON header of model.safetensors (the format's own limit is 100 MB). */
  safetensorsHeaderBytes: 100_000_000,
  vocab: 2 ** 24,
  dModel: 2 ** 20,
  positionFeatures: 4096,
  layers: 4096,
  /** Heads summed over all layers. */
  heads: 65536,
  /** dQK, dV and mlpHidden. */
  innerWidth: 2 ** 20,
} as const;
