import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staleDist } from "./freshDist.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

/** An empty project with the packed apmdm installed from its tarball, as a user would have it. */
export interface InstalledPackage {
  readonly dir: string;
  readonly tarball: string;
  /** Type-checks the project's .ts files (strict, NodeNext) and compiles them into out/; throws tsc's report. */
  readonly typecheck: () => void;
  /** Runs out/NAME.js with node; returns what it printed. */
  readonly run: (name: string) => string;
}

/**
 * `npm pack`, then `npm ci --offline` into an empty temporary project. The tarball holds a build of the
 * sources as they are now: when dist/ is exactly what the build would write (staleDist; e.g. after `npm ci`,
 * which builds), it is packed as it is (--ignore-scripts); otherwise `npm pack` runs `prepare`, which
 * rebuilds it. The project's lock file pins apmdm's dependencies to the versions of our own
 * lock file, whose tarballs `npm ci` of this repository has already put in npm's cache: nothing is fetched.
 */
export function installPackage(): InstalledPackage {
  const dir = mkdtempSync(join(tmpdir(), "apmdm-user-"));
  const fresh = staleDist(ROOT) === null;
  const packed = execFileSync("npm", ["pack", "--pack-destination", dir, "--json", ...(fresh ? ["--ignore-scripts"] : [])], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const tarball = join(dir, (JSON.parse(packed.slice(packed.indexOf("["))) as { filename: string }[])[0].filename);
  const project = join(dir, "project");
  mkdirSync(project);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const dependencies = { apmdm: `file:${tarball}` };
  const packages: Record<string, unknown> = {
    "": { name: "user", dependencies },
    "node_modules/apmdm": { version: pkg.version, resolved: `file:${tarball}`, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages as Record<string, { dev?: boolean }>)) if (path !== "" && !entry.dev) packages[path] = entry;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module", dependencies }));
  writeFileSync(join(project, "package-lock.json"), JSON.stringify({ name: "user", lockfileVersion: 3, requires: true, packages }));
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: [], outDir: "out" };
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  return {
    dir: project,
    tarball,
    typecheck: () => {
      try {
        execFileSync(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (e) {
        throw new Error(`tsc failed:\n${(e as { stdout: string }).stdout}`);
      }
    },
    run: (name) => execFileSync(process.execPath, [join(project, "out", `${name}.js`)], { cwd: project, encoding: "utf8" }),
  };
}
