import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { staleDist } from "./freshDist.js";

/** A project whose files are written with the given modification times (seconds). */
function write(root: string, files: Record<string, number>): void {
  for (const [path, time] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), "");
    utimesSync(join(root, path), time, time);
  }
}

describe("staleDist: when the package test may pack dist/ without rebuilding it", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "apmdm-fresh-"));
    write(root, { "package.json": 100, "tsconfig.build.json": 100, "src/a.ts": 200, "src/x/b.ts": 200, "src/x/b.test.ts": 900 });
    write(root, { "dist/a.js": 300, "dist/a.d.ts": 300, "dist/x/b.js": 300, "dist/x/b.d.ts": 300, "dist/x/b.js.map": 300 });
  });

  it("is fresh when the build wrote every module after every input (tests do not count)", () => {
    expect(staleDist(root)).toBeNull();
  });

  it("is stale after a source or the build configuration changes", () => {
    write(root, { "src/x/b.ts": 400 });
    expect(staleDist(root)).toMatch(/older than a source/);
    write(root, { "src/x/b.ts": 200, "tsconfig.build.json": 400 });
    expect(staleDist(root)).toMatch(/older than a source/);
  });

  it("is stale when a source was added, or its declarations are missing", () => {
    write(root, { "src/c.ts": 250 });
    expect(staleDist(root)).toBe("dist/c.js is missing");
    rmSync(join(root, "src/c.ts"));
    rmSync(join(root, "dist/x/b.d.ts"));
    expect(staleDist(root)).toBe("dist/x/b.d.ts is missing");
  });

  it("is stale when dist holds a module whose source was deleted", () => {
    rmSync(join(root, "src/a.ts"));
    expect(staleDist(root)).toBe("dist/a.js has no source");
  });
});
