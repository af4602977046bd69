import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staleDist } from "../api/freshDist.js";

const ROOT = new URL("../../", import.meta.url).pathname;

let built: string | null = null;

/**
 * The path of `apmdm`'s entry point built from the sources as they are now, for tests that must run the
 * real process (signals, exit statuses): dist/cli/main.js when dist is fresh (after `npm ci` or `npm run
 * build`, as in CI), else a build of its own in a temporary directory (tsc, about 15 s of CPU; dist itself
 * is left alone, another test may be reading it) that sees the repository's programs, data and packages
 * through links, where the modules look for them.
 */
export function builtCli(): string {
  if (staleDist(ROOT) === null) return join(ROOT, "dist/cli/main.js");
  if (built !== null) return built;
  const dir = mkdtempSync(join(tmpdir(), "apmdm-cli-"));
  for (const entry of ["programs", "data", "node_modules", "package.json"]) symlinkSync(join(ROOT, entry), join(dir, entry));
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(dir, "dist"), "--sourceMap", "false", "--declaration", "false"], { stdio: ["ignore", "pipe", "pipe"] });
  built = join(dir, "dist/cli/main.js");
  return built;
}
