import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/bufferIo.js";

const SCRIPT = new URL("../../examples/python/forward.py", import.meta.url).pathname;
const python = (...args: string[]) => spawnSync("python3", [SCRIPT, ...args], { encoding: "utf8" });

/** examples/python/forward.py (numpy) replays decodes over exported models, step by step. */
describe("examples/python/forward.py", () => {
  it.each(["mdm", "ap-mdm"])("reproduces every step of a %s decode of prefix-sums, and names the first step a changed trace breaks", async (model) => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-py-"));
    expect((await cli("compile", "prefix-sums", "--n", "2", "--model", model, "--out", join(dir, "model"))).code).toBe(0);
    const trace = join(dir, "trace.json");
    expect((await cli("mdm", "run", "prefix-sums", "--input", "3,1", "--model", model, "--trace", trace)).code).toBe(0);
    const steps = JSON.parse(readFileSync(trace, "utf8")).steps as number[][];
    const ok = python(join(dir, "model"), "--trace", trace);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe(`replayed ${steps.length - 1} ${model} steps: every canvas reproduced\n`);

    const k = steps.length - 1;
    const changed = steps.map((c) => [...c]);
    const at = 1; // an input token: no step ever changes it
    changed[k][at] = changed[k][at] === 1 ? 2 : 1;
    writeFileSync(join(dir, "changed.json"), JSON.stringify({ model, steps: changed }));
    const bad = python(join(dir, "model"), "--trace", join(dir, "changed.json"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`step ${k}: the canvas differs at position ${at}`));
  });
});
