import { readFileSync } from "node:fs";
import type { Circuit } from "./circuit.js";
import { CircuitError } from "./CircuitError.js";
import { circuitLibrary } from "./library/index.js";
import { parseCircuit } from "./parseCircuit.js";

/**
 * A circuit by library name and n (`binomial`, 8) or from a `.circuit` file (anything ending in .circuit or
 * containing a slash; n must then be null). Unknown names, unreadable files and a stray n are CircuitErrors.
 */
export function loadCircuit(nameOrPath: string, n: number | null): Circuit {
  const isPath = nameOrPath.endsWith(".circuit") || nameOrPath.includes("/") || nameOrPath.includes("\\");
  if (isPath) {
    if (n !== null) throw new CircuitError("parameter", null, `--n applies to library circuits, not to the file ${nameOrPath}`);
    let text: string;
    try {
      text = readFileSync(nameOrPath, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CircuitError("file", null, `cannot read ${nameOrPath}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}`);
    }
    return parseCircuit(text, nameOrPath);
  }
  const entry = circuitLibrary.find((e) => e.name === nameOrPath);
  if (!entry) throw new CircuitError("unknown", null, `no library circuit '${nameOrPath}' (${circuitLibrary.map((e) => e.name).join(", ")}; or a FILE.circuit)`);
  return entry.build(n ?? DEFAULT_N);
}

/** n when a library circuit is named without --n. */
export const DEFAULT_N = 8;
