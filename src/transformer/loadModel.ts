import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeModel } from "./decodeModel.js";
import { MODEL_FILE_NAMES, type ModelFiles } from "./modelFiles.js";
import { ModelError } from "./ModelError.js";
import { MODEL_LIMITS } from "./modelLimits.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Reads the model saved in `dir` (config.json, labels.json, model.safetensors), validated by decodeModel.
 * `dir` must be a directory, and each file's byte size is checked against MODEL_LIMITS before it is read.
 */
export function loadModel(dir: string): Transformer {
  const cannot = (file: string, e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new ModelError("missing", file, code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(e)})`);
  };
  const isFile = statSync(dir, { throwIfNoEntry: false })?.isFile() ?? false; // a missing one is reported by its first file
  if (isFile) throw new ModelError("missing", dir, `is a file, not a directory (a model is a directory holding ${Object.values(MODEL_FILE_NAMES).join(", ")})`);
  const read = (key: keyof ModelFiles): Uint8Array => {
    const file = join(dir, MODEL_FILE_NAMES[key]);
    const limit = MODEL_LIMITS.fileBytes[key];
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      throw cannot(file, e);
    }
    if (size > limit) throw new ModelError("corrupt", file, `is ${size} bytes, more than the limit of ${limit} (docs/semantics.md, "Limits")`);
    try {
      return readFileSync(file);
    } catch (e) {
      throw cannot(file, e);
    }
  };
  return decodeModel({ config: read("config"), labels: read("labels"), tensors: read("tensors") }, dir);
}
