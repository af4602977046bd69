import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { library } from "./library/index.js";
import { parseProgram } from "./parseProgram.js";
import { PramError } from "./pramError.js";
import type { PramProgram } from "./pramProgram.js";

/** The library's .pram files: programs/ at the package root (two levels above src/pram and dist/pram). */
export const PROGRAMS_DIR = fileURLToPath(new URL("../../programs/", import.meta.url));

/**
 * A program by library name (`prefix-sums`) or by path to a `.pram` file (anything ending in .pram or
 * containing a slash). An unknown name or an unreadable file is a PramError; the text's own problems are
 * the parser's PramErrors, naming file:line:col.
 */
export function loadProgram(nameOrPath: string): PramProgram {
  const isPath = nameOrPath.endsWith(".pram") || nameOrPath.includes("/") || nameOrPath.includes("\\");
  if (isPath) return parseProgram(readText(nameOrPath), nameOrPath);
  const entry = library.find((e) => e.name === nameOrPath);
  if (!entry) throw new PramError({ kind: "unknown-program", name: nameOrPath, library: library.map((e) => e.name) });
  return parseProgram(readText(PROGRAMS_DIR + entry.file), `programs/${entry.file}`);
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new PramError({ kind: "file", path, reason });
  }
}
