import { renameSync, rmSync, writeFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { holdInterrupt } from "./holdInterrupt.js";

/**
 * Writes a whole file or nothing: a temporary file beside it, then a rename (the temporary file never stays,
 * Ctrl-C included: holdInterrupt).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  holdInterrupt();
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError("cli/write", `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
