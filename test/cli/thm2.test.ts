import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/transformer/saveModel.js";
import { averagePositionModel } from "../thm2/tinyModels.js";
import { cli } from "./bufferIo.js";

const root = mkdtempSync(join(tmpdir(), "apmdm-cli-thm2-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, "average");
saveModel(averagePositionModel(1), dir);

describe("apmdm thm2", () => {
  it("prints both final canvases, the PRAM meters and T / S³", async () => {
    const r = await cli("thm2", dir, "--tokens", "2,0,2,1");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^.*average: a canvas of S = 4 tokens, decoded by one PRAM processor \(\d+-bit words, long division, step bound \d+\)\n/);
    expect(r.out).toContain("  PRAM(1): 2,1,2,1  (done after 1 steps, 4 tie divisions)\n  model:   2,1,2,1  (done after 1 steps)\n  equal; PRAM T = ");
  });

  it("docs/theorem2.md's example is what the command prints", async () => {
    const doc = readFileSync(new URL("../../docs/theorem2.md", import.meta.url), "utf8");
    const block = doc.split("<!-- thm2 example: checked by test/cli/thm2.test.ts -->")[1].split("```")[1].split("\n").slice(1);
    expect(block[0]).toBe("$ apmdm thm2 average --tokens 2,0,2,1");
    const r = await cli("thm2", dir, "--tokens", "2,0,2,1");
    expect(r.out.replace(dir, "average")).toBe(block.slice(1).join("\n"));
  });

  it("--json: both decodes, the PRAM's meters and T / S³", async () => {
    const r = await cli("thm2", dir, "--tokens", "0,0,3", "--json");
    const j = JSON.parse(r.out);
    expect(r.code).toBe(0);
    expect(j).toMatchObject({ context: 3, equal: true, pram: { end: "done", canvas: [2, 2, 3], steps: 1, divisions: 0, meters: { P: 1 } }, model: { end: "done", canvas: [2, 2, 3], steps: 1 } });
    expect(j.tOverS3).toBe(j.pram.meters.T / 27);
  });

  it("--out writes the program and its input: `pram run` on them gives the same output", async () => {
    const file = join(root, "decode.pram");
    const r = await cli("thm2", dir, "--tokens", "2,0,2,1", "--out", file);
    expect(r.code).toBe(0);
    const input = readFileSync(`${file}.input`, "utf8").trim();
    const run = await cli("pram", "run", file, "--input", input, "--json");
    expect(run.err).toBe("");
    expect(JSON.parse(run.out).output).toEqual([0, 1, 4, 2, 1, 2, 1]);
    expect((await cli("pram", "run", file, "--input-file", `${file}.input`, "--json")).out).toBe(run.out);
  });

  it("pram run --input-file: a missing file, or both forms, is one line", async () => {
    const missing = join(root, "none.input");
    expect(await cli("pram", "run", "sum", "--input-file", missing)).toEqual({ code: 2, out: "", err: `apmdm pram run: --input-file: cannot read ${missing} (ENOENT)\n` });
    expect((await cli("pram", "run", "sum", "--input", "1", "--input-file", missing)).err).toBe("apmdm pram run: give the input once: --input or --input-file, not both\n");
  });

  it("a model that is not integer: one line, exit 2", async () => {
    const model = averagePositionModel(1);
    model.weights.tokenBias[1] = 0.25;
    const bad = join(root, "fraction");
    saveModel(model, bad);
    const r = await cli("thm2", bad, "--tokens", "1,0");
    expect(r).toEqual({ code: 2, out: "", err: "apmdm thm2: weight token_head.bias[1] = 0.25 is not an integer (Theorem 2's program computes in integer words)\n" });
  });

  it("--division div: the same decode with the ISA's DIV, in fewer steps", async () => {
    const long = JSON.parse((await cli("thm2", dir, "--tokens", "2,0,2,1", "--json")).out);
    const div = JSON.parse((await cli("thm2", dir, "--tokens", "2,0,2,1", "--division", "div", "--json")).out);
    expect(div).toMatchObject({ equal: true, pram: { canvas: long.pram.canvas, divisions: 4, division: "div" } });
    expect(long.pram.division).toBe("long");
    expect(div.pram.meters.T).toBeLessThan(long.pram.meters.T);
    expect(div.pram.stepBound).toBeLessThan(long.pram.stepBound);
    expect((await cli("thm2", dir, "--tokens", "1", "--division", "fast")).err).toBe("apmdm thm2: --division must be long (shifts and subtraction) or div (the ISA's DIV and MOD), not fast\n");
  });

  it("bad usage: one line, exit 2", async () => {
    expect((await cli("thm2", dir)).err).toBe("apmdm thm2: --tokens is required: the initial canvas as token ids, e.g. --tokens 1,0,0\n");
    expect((await cli("thm2", dir, "--tokens", "9")).err).toBe("apmdm thm2: --tokens: item 1 (9) is not a token id of this model (0..7)\n");
  });
});
