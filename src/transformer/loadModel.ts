import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeModel } from "./decodeModel.js";
import { MODEL_FILE_NAMES, type ModelFiles } from "./modelFiles.js";
import { ModelError } from "./ModelError.js";
import { JsonEntryCounter, type JsonEntryLimits } from "./JsonEntryCounter.js";
import { JSON_ENTRY_LIMITS, MODEL_LIMITS } from "./modelLimits.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Reads the model saved in `dir` (config.json, labels.json, model.safetensors), validated by decodeModel.
 * `dir` must be a directory, and each file's byte size is checked against MODEL_LIMITS before it is read.
 * config.json and labels.json are read a chunk at a time, their entries counted as they come
 * (JSON_ENTRY_LIMITS): one past its limit is refused at once, before the rest of the file is read.
 */
export function loadModel(dir: string): Transformer {
  const cannot = (file: string, e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new ModelError("missing", file, code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(e)})`);
  };
  const isFile = statSync(dir, { throwIfNoEntry: false })?.isFile() ?? false; // a missing one is reported by its first file
  if (isFile) throw new ModelError("missing", dir, `is a file, not a directory (a model is a directory holding ${Object.values(MODEL_FILE_NAMES).join(", ")})`);
  const read = (key: keyof ModelFiles, limits?: JsonEntryLimits): Uint8Array => {
    const file = join(dir, MODEL_FILE_NAMES[key]);
    const limit = MODEL_LIMITS.fileBytes[key];
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      throw cannot(file, e);
    }
    if (size > limit) throw new ModelError("corrupt", file, `is ${size} bytes, more than the limit of ${limit} (docs/semantics.md, "Limits")`);
    const counter = limits && new JsonEntryCounter(limits, file);
    let fd: number;
    try {
      fd = openSync(file, "r");
    } catch (e) {
      throw cannot(file, e);
    }
    try {
      // Pages of the buffer are only touched as chunks arrive: a file refused early costs what was read of it.
      const bytes = Buffer.allocUnsafe(size);
      let at = 0;
      for (let got = -1; at < size && got !== 0; at += got) {
        try {
          got = readSync(fd, bytes, at, Math.min(READ_CHUNK, size - at), at);
        } catch (e) {
          throw cannot(file, e);
        }
        counter?.feed(bytes.subarray(at, at + got));
      }
      return bytes.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  };
  return decodeModel({ config: read("config", JSON_ENTRY_LIMITS.config), labels: read("labels", JSON_ENTRY_LIMITS.labels), tensors: read("tensors") }, dir);
}

const READ_CHUNK = 1 << 20;
