import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { builtCli } from "./builtCli.js";

/** Spawns the built `apmdm ARGS…`, sends SIGINT once stderr has printed a line, and resolves with how it ended. */
function interruptAfterFirstLine(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => {
      if (!err.includes("\n") && (err + s).includes("\n")) child.kill("SIGINT");
      err += s;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, err }));
  });
}

/** Ctrl-C (docs/cli.md, "Ctrl-C"; src/cli/holdInterrupt.ts). */
describe("Ctrl-C", () => {
  it("while a command computes: the process ends by SIGINT (status 130 in a shell), with no stack trace and nothing written", async () => {
    const parent = mkdtempSync(join(tmpdir(), "apmdm-sigint-"));
    const out = join(parent, "plots");
    // plot prints a line per size when stderr is not a terminal: the signal comes while the next size decodes
    const r = await interruptAfterFirstLine(["plot", "--out", out, "--programs", "prefix-sums", "--max-n", "64", "--force"]);
    expect(r.signal === "SIGINT" || r.code === 130).toBe(true);
    expect(r.err).toMatch(/^apmdm plot: prefix-sums n=1: /);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(parent)).toEqual([]); // no directory, no temporary file
  });

  it("while a command writes: the interrupt waits until every file is whole, then one line on stderr and exit 130", () => {
    const dist = dirname(dirname(builtCli()));
    const dir = mkdtempSync(join(tmpdir(), "apmdm-hold-"));
    const module = (name: string) => JSON.stringify(pathToFileURL(join(dist, "cli", `${name}.js`)).href);
    // main.ts's sequence, with the Ctrl-C arriving between the first file and the rest
    const script = (arm: boolean) => `
      import { armInterruptHold, deliverHeldInterrupt } from ${module("holdInterrupt")};
      import { writeFileAtomic } from ${module("writeFileAtomic")};
      import { writeFiles } from ${module("writeFiles")};
      ${arm ? "armInterruptHold();" : ""}
      const dir = ${JSON.stringify(dir)};
      writeFiles(dir + "/plots", [{ name: "a.txt", text: "a".repeat(1e6) }]);
      process.kill(process.pid, "SIGINT");
      writeFiles(dir + "/plots", [{ name: "b.txt", text: "b".repeat(1e6) }, { name: "c.txt", text: "c" }]);
      writeFileAtomic(dir + "/d.txt", "d");
      process.stdout.write("written\\n");
      await deliverHeldInterrupt();
      process.stdout.write("not reached\\n");
    `;
    const run = (arm: boolean) => spawnSync(process.execPath, ["--input-type=module", "-e", script(arm)], { encoding: "utf8" });
    const held = run(true);
    expect({ status: held.status, out: held.stdout, err: held.stderr }).toEqual({ status: 130, out: "written\n", err: "apmdm: interrupted (the files being written were finished first)\n" });
    expect(readdirSync(join(dir, "plots")).sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(readFileSync(join(dir, "plots", "b.txt"), "utf8")).toBe("b".repeat(1e6));
    expect(readFileSync(join(dir, "d.txt"), "utf8")).toBe("d");
    // the same writes without the hold (a command run inside another program): the signal ends it at once
    const unheld = run(false);
    expect(unheld.signal).toBe("SIGINT");
    expect(existsSync(join(dir, "d.txt"))).toBe(true); // left by the first run
    expect(unheld.stdout).toBe("");
  });
});
