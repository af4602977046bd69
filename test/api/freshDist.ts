import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The files `npm run build` reads besides src/: a change to any of them can change dist. */
const BUILD_INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

/**
 * Why dist/ is not exactly what `npm run build` would write now, or null when it is fresh: every source
 * module src/X.ts (tests aside) has dist/X.js and dist/X.d.ts written after the newest of the sources and
 * the build's inputs, and dist holds no module whose source is gone. The build deletes dist and writes
 * every file, so a dist it wrote and nothing touched since passes; an edited, added or deleted source, a
 * changed configuration or a half-written dist fails.
 */
export function staleDist(root: string): string | null {
  const sources = filesUnder(join(root, "src")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const newest = Math.max(...[...sources.map((f) => join(root, "src", f)), ...BUILD_INPUTS.map((f) => join(root, f)).filter(existsSync)].map(mtime));
  for (const source of sources) {
    for (const out of [source.replace(/\.ts$/, ".js"), source.replace(/\.ts$/, ".d.ts")]) {
      const path = join(root, "dist", out);
      if (!existsSync(path)) return `dist/${out} is missing`;
      if (mtime(path) < newest) return `dist/${out} is older than a source or the build configuration`;
    }
  }
  const modules = new Set(sources.map((f) => f.replace(/\.ts$/, ".js")));
  const orphan = filesUnder(join(root, "dist")).find((f) => f.endsWith(".js") && !modules.has(f));
  return orphan === undefined ? null : `dist/${orphan} has no source`;
}

const mtime = (path: string): number => statSync(path).mtimeMs;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}
