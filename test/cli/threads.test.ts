import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { bufferIo } from "./bufferIo.js";
import { builtCli } from "./builtCli.js";

/** Runs the built `apmdm ARGS…` (worker threads need the compiled worker entry: vitest runs sources, where every pool is the main thread). */
function apmdm(args: readonly string[]) {
  const r = spawnSync(process.execPath, [builtCli(), ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `--threads N` (src/parallel/taskPool.ts; docs/cli.md, "Threads"): the same output from any number of threads. */
describe("--threads", () => {
  it("prove: the same report, text and --json, from one thread and from two", () => {
    const args = ["prove", "thm1", "--max-n", "3", "--runs", "1", "--programs", "sum,broadcast", "--json"];
    const one = apmdm([...args, "--threads", "1"]);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)[0].sizes).toEqual([1, 2, 3]);
    expect(apmdm([...args, "--threads", "2"])).toEqual(one);
  });

  it("plot without a budget: the same files from one thread and from two, and a line per finished size", () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-threads-"));
    const files = (threads: string) => {
      const out = join(dir, threads);
      const r = apmdm(["plot", "--out", out, "--max-n", "2", "--programs", "sum,broadcast", "--threads", threads]);
      expect(r.status).toBe(0);
      expect(r.stderr.split("\n").map((line) => line.replace(/(n=\d+): .*/, "$1")).sort()).toEqual(["", ...["broadcast", "sum"].flatMap((p) => [1, 2].map((n) => `apmdm plot: ${p} n=${n}`))]);
      return Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), "utf8")]));
    };
    const one = files("1");
    expect(Object.keys(one)).toContain("sweep.json");
    expect(files("2")).toEqual(one);
  });

  it("an error in a worker is the error of the main thread: a UserError keeps its code and message, a bug its message; the pool then ends", () => {
    const dist = dirname(dirname(builtCli()));
    const module = (path: string) => JSON.stringify(pathToFileURL(join(dist, path)).href);
    // decode tasks on 1 and 2 threads: an input out of range (a PramError) and a corrupt instance (a bug)
    const script = `
      import { UserError } from ${module("errors.js")};
      import { taskPool } from ${module("parallel/taskPool.js")};
      import { instantiate } from ${module("pram/instantiate.js")};
      import { loadProgram } from ${module("pram/loadProgram.js")};
      const instance = instantiate(loadProgram("sum"), 2);
      const outcome = async (threads, task) => {
        const pool = taskPool(threads);
        try {
          return await pool.run(task).then((r) => ({ output: r.output }), (e) => ({ name: e.name, code: e.code, message: e.message, user: e instanceof UserError }));
        } finally {
          await pool.close();
        }
      };
      const tasks = [
        { kind: "decode", instance, input: [1, 2], model: "mdm" },
        { kind: "decode", instance, input: [1, 1e9], model: "mdm" },
        { kind: "decode", instance: { ...instance, code: null }, input: [1, 2], model: "ap-mdm" },
      ];
      const results = [];
      for (const task of tasks) results.push([await outcome(1, task), await outcome(2, task)]);
      process.stdout.write(JSON.stringify(results));
    `;
    // a module file, not --input-type=module -e: a worker inherits the parent's node options, and --input-type refuses a file
    const file = join(mkdtempSync(join(tmpdir(), "apmdm-threads-")), "errors.mjs");
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0); // no worker left holding the process
    const [ok, user, bug] = JSON.parse(r.stdout) as { [key: string]: unknown }[][];
    expect(ok).toEqual([{ output: [3] }, { output: [3] }]);
    expect(user[0]).toEqual({ name: "PramError", code: "pram/input", message: "sum: input item 2: 1000000000 is outside 0..15", user: true });
    expect(user[1]).toEqual(user[0]);
    expect(bug[0]).toMatchObject({ name: "TypeError", user: false, message: expect.stringMatching(/null/) });
    expect(bug[1]).toEqual(bug[0]);
  });

  it("rejects a thread count that is not an integer from 1 to 64 with one line", async () => {
    for (const [argv, message] of [
      [["prove", "thm1", "--threads", "0"], "apmdm prove: --threads must be an integer ≥ 1, got '0'\n"],
      [["prove", "thm1", "--threads", "two"], "apmdm prove: --threads must be an integer ≥ 1, got 'two'\n"],
      [["plot", "--out", join(tmpdir(), "apmdm-never"), "--threads", "65"], "apmdm plot: --threads must be at most 64, got '65'\n"],
    ] as const) {
      const io = bufferIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr()).toBe(message);
    }
  });
});
