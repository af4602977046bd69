import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import { loadModel } from "../../src/transformer/loadModel.js";
import { bufferIo } from "./bufferIo.js";

describe("apmdm compile", () => {
  it("writes the model files and the initial canvas; the loaded model decodes its first block from it", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-compile-")), "model");
    const io = bufferIo();
    expect(await runCli(["compile", "prefix-sums", "--n", "2", "--out", dir, "--input", "3,1"], io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["canvas.json", "config.json", "labels.json", "model.safetensors"]);
    expect(io.stdout()).toMatch(/^prefix-sums at n = 2 as mdm: \d+ layers, \d+ heads, width \d+, \d+ parameters, \d+ tokens → /);
    const canvas = JSON.parse(readFileSync(join(dir, "canvas.json"), "utf8"));
    const model = loadModel(dir);
    expect(canvas.tokens.slice(0, 3).map((t: number) => model.config.vocab[t])).toEqual(["BOS", "3", "1"]);
    expect(canvas.positions[3]).toBe("t1 p0 pc");
    const p = weightsPredictor(model).predict(Int32Array.from(canvas.tokens));
    expect(model.config.vocab[p.prediction[3]]).toBe("pc1");
  });

  it("the AP-MDM's canvas is [BOS, input] and its model has control logits", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "apmdm-compile-")), "model");
    expect(await runCli(["compile", "max", "--n", "3", "--model", "ap-mdm", "--out", dir, "--input", "5,2,7"], bufferIo())).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "canvas.json"), "utf8")).tokens).toHaveLength(4);
    expect(loadModel(dir).config.control).toBe(true);
  });

  it("rejects bad options and inputs with one line, writing nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "apmdm-compile-"));
    const dir = join(root, "model");
    for (const [argv, message] of [
      [["compile", "sum", "--out", dir], "apmdm compile: --n N is required (the input length the model is built for)\n"],
      [["compile", "sum", "--n", "2", "--out", dir, "--input", "1,2,3"], "apmdm compile: --input has 3 values but --n is 2\n"],
      [["compile", "sum", "--n", "2", "--out", dir, "--input", "1,99"], "apmdm compile: sum: input item 2: 99 is outside 0..15\n"],
      [["compile", "sum", "--n", "0", "--out", dir], "apmdm compile: --n must be an integer ≥ 1, got '0'\n"],
    ] as const) {
      const io = bufferIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr()).toBe(message);
    }
    expect(existsSync(dir)).toBe(false);
  });
});
