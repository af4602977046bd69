import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import type { SweepData } from "./buildPlots.js";

/**
 * The sweep.json in directory `dir` (what `apmdm plot --out dir` wrote), for `plot --merge`. A file that
 * cannot be read, is not JSON, or lacks a sweep's command, settings (programs, seed, sizes) and points is
 * refused with the path and the reason (plot/merge).
 */
export function readSweep(dir: string): { readonly path: string; readonly data: SweepData } {
  const path = join(dir, "sweep.json");
  const fail = (why: string): never => {
    throw new UserError("plot/merge", `${path}: ${why}`);
  };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: Partial<SweepData> = {};
  try {
    data = JSON.parse(text) as Partial<SweepData>;
  } catch (e) {
    fail(`not JSON (${(e as Error).message})`);
  }
  const s = data.settings;
  const sized = s !== undefined && [s.maxN, s.maxNTokenwise, s.seed].every(Number.isInteger) && Array.isArray(s.programs) && s.programs.every((p) => typeof p === "string");
  if (typeof data.command !== "string" || !sized || !Array.isArray(data.points)) fail("not a sweep written by apmdm plot (command, settings, points)");
  return { path, data: data as SweepData };
}
