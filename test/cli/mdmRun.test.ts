import { mkdtempSync, readFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { bufferIo } from "./bufferIo.js";

describe("apmdm mdm run", () => {
  it("--json: one object with the output beside the PRAM's and the meters", async () => {
    const io = bufferIo();
    expect(await runCli(["mdm", "run", "prefix-sums", "--input", "3,1", "--json"], io)).toBe(0);
    const r = JSON.parse(io.stdout());
    expect(r).toMatchObject({ program: "prefix-sums", n: 2, model: "mdm", output: [3, 4], pramOutput: [3, 4] });
    expect(Object.keys(r.meters)).toEqual(["steps", "context", "layers", "heads", "width", "params", "flops", "work", "fullPasses"]);
    expect(r.meters.work).toBeLessThan(r.meters.flops);
    expect(r.meters.fullPasses).toBe(1);
    expect(io.stderr()).toBe("");
  });

  it("--engine incremental, full and dense decode the same, with the same FLOPs; only the work done differs", async () => {
    const runs = [];
    for (const engine of ["incremental", "full", "dense"]) {
      const io = bufferIo();
      expect(await runCli(["mdm", "run", "prefix-sums", "--input", "3,1", "--engine", engine, "--json"], io)).toBe(0);
      runs.push(JSON.parse(io.stdout()));
    }
    const [inc, full, dense] = runs;
    expect(full).toEqual(dense);
    expect({ ...inc, meters: { ...inc.meters, work: 0, fullPasses: 0 } }).toEqual({ ...dense, meters: { ...dense.meters, work: 0, fullPasses: 0 } });
    expect(dense.meters.work).toBe(dense.meters.flops);
    expect(dense.meters.fullPasses).toBe(dense.meters.steps);
    expect(inc.meters.work).toBeLessThan(dense.meters.work / 2);
  });

  it("--model ap-mdm adds the peak context and edit counts; --trace writes the canvases and edit scripts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-"));
    const io = bufferIo();
    expect(await runCli(["mdm", "run", "max", "--input", "5,2,7", "--model", "ap-mdm", "--json", "--trace", join(dir, "t.json")], io)).toBe(0);
    const r = JSON.parse(io.stdout());
    expect(r.output).toEqual([7]);
    expect(r.meters.peakContext).toBe(r.meters.context);
    expect(Object.keys(r.meters.edits)).toEqual(["unmask", "remask", "insert", "delete"]);
    const trace = JSON.parse(readFileSync(join(dir, "t.json"), "utf8"));
    expect(trace.steps).toHaveLength(r.meters.steps + 1);
    expect(trace.edits).toHaveLength(r.meters.steps);
    expect(trace.vocab[trace.steps[0][0]]).toBe("BOS");
    expect(readdirSync(dir)).toEqual(["t.json"]);
  });

  it("rejects a bad model, input or program with one line and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-"));
    for (const [argv, pattern] of [
      [["mdm", "run", "sum", "--input", "1,2", "--model", "gpt"], /^apmdm mdm run: --model must be one of mdm, masked-arm, arm, ap-mdm, got 'gpt'\n$/],
      [["mdm", "run", "sum", "--input", "1,2", "--engine", "gpu"], /^apmdm mdm run: --engine must be one of incremental, full, dense, got 'gpu'\n$/],
      [["mdm", "run", "sum", "--input", "1,x"], /^apmdm mdm run: --input: item 2 'x' is not an integer\n$/],
      [["mdm", "run", "nope", "--input", "1"], /^apmdm mdm run: unknown program 'nope'/],
      [["mdm", "run", "sum", "--input", "99", "--trace", join(dir, "t.json")], /^apmdm mdm run: sum: input item 1: 99 is outside/],
    ] as const) {
      const io = bufferIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr()).toMatch(pattern);
      expect(io.stderr().split("\n")).toHaveLength(2);
      expect(io.stdout()).toBe("");
    }
    expect(existsSync(join(dir, "t.json"))).toBe(false);
  });
});
