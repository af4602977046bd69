import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeModel } from "./decodeModel.js";
import { MODEL_FILE_NAMES, type ModelFiles } from "./modelFiles.js";
import { ModelError } from "./ModelError.js";
import type { Transformer } from "./transformerWeights.js";

/** Reads the model saved in `dir` (config.json, labels.json, model.safetensors), validated by decodeModel. */
export function loadModel(dir: string): Transformer {
  const read = (key: keyof ModelFiles): Uint8Array => {
    const file = join(dir, MODEL_FILE_NAMES[key]);
    try {
      return readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ModelError("missing", file, code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(e)})`);
    }
  };
  return decodeModel({ config: read("config"), labels: read("labels"), tensors: read("tensors") }, dir);
}
