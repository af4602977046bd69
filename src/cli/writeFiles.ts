import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { holdInterrupt } from "./holdInterrupt.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Writes files into a directory, created when missing: each file whole or not at all (writeFileAtomic), and
 * a Ctrl-C from the directory's creation on waits until every file is written (holdInterrupt).
 */
export function writeFiles(dir: string, files: readonly { readonly name: string; readonly text: string }[]): void {
  holdInterrupt();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError("cli/write", `cannot create ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const f of files) writeFileAtomic(join(dir, f.name), f.text);
}
