import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { encodeModel } from "./encodeModel.js";
import { MODEL_FILE_NAMES, type ModelFiles } from "./modelFiles.js";
import { ModelError } from "./ModelError.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Writes a model to `dir` (config.json, labels.json, model.safetensors; docs/model-format.md), all or
 * nothing per file: the files are written into a temporary directory beside `dir`, which is then renamed
 * to `dir` (when `dir` does not exist yet) or whose files are each renamed into `dir` (other files there
 * are left alone). A failure removes the temporary directory and is a ModelError.
 */
export function saveModel(model: Transformer, dir: string): void {
  const files = encodeModel(model);
  let tmp: string | null = null;
  try {
    mkdirSync(dirname(dir), { recursive: true });
    tmp = mkdtempSync(join(dirname(dir), `.${basename(dir)}.tmp-`));
    const keys = Object.keys(MODEL_FILE_NAMES) as (keyof ModelFiles)[];
    for (const key of keys) writeFileSync(join(tmp, MODEL_FILE_NAMES[key]), files[key]);
    if (!existsSync(dir)) {
      renameSync(tmp, dir);
      tmp = null;
      return;
    }
    for (const key of keys) renameSync(join(tmp, MODEL_FILE_NAMES[key]), join(dir, MODEL_FILE_NAMES[key]));
  } catch (e) {
    throw new ModelError("write", dir, `cannot save the model (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    if (tmp !== null) rmSync(tmp, { recursive: true, force: true });
  }
}
