import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parityProgram } from "../../src/ap-mdm/parity/parityProgram.js";
import { COST_CAPS } from "../../src/cli/costCap.js";
import { parityFlops } from "../../src/cli/parityCommand.js";
import { compile } from "../../src/efasp/compile.js";
import { MAX_CANVAS, MAX_WEIGHTS } from "../../src/mdm/checkConstructionSize.js";
import { cli } from "./bufferIo.js";

const refusal = (command: string, message: RegExp) => ({ code: 2, out: "", err: expect.stringMatching(new RegExp(`^apmdm ${command}: ${message.source}[^\\n]*\\n$`)) });
const tooCostly = (command: string, option: string, unit: string) =>
  refusal(command, new RegExp(`${option}: .* would cost about [\\d.]+e\\d+ ${unit.replace(/[()×²]/g, ".")} \\(.*\\), above the cap of [\\d.]+e\\d+ \\(.* here; docs/semantics.md, "Limits"\\); add --force to run it anyway`));

/** Issue 10: commands whose cost explodes with an option refuse before any work, with the estimate, the cap and --force. */
describe("cost caps and size guards", () => {
  it("dyck sample --length 100000000 and 9007199254740990: the canvas is refused by size (mdm/too-large), not an Invalid array length", async () => {
    for (const length of ["100000000", "9007199254740990"]) {
      expect(await cli("dyck", "sample", "--length", length)).toEqual(refusal("dyck sample", new RegExp(`the Theorem 5 model for k = 2, length ${length} \\(\\d+ tokens\\): its canvas would hold \\d+ positions, above the cap of ${MAX_CANVAS}`)));
    }
  });

  it("dyck sample --length 20000: its weights would pass the cap; --length 640: its decode would", async () => {
    expect(await cli("dyck", "sample", "--length", "20000")).toEqual(refusal("dyck sample", new RegExp(`the Theorem 5 model for k = 2, length 20000 \\(20005 tokens\\): its model would hold at least \\d+ weights, above the cap of ${MAX_WEIGHTS}`)));
    expect(await cli("dyck", "sample", "--length", "640")).toEqual(tooCostly("dyck sample", "--length 640", COST_CAPS.dyck.unit));
  });

  it("prove thm5 --max-n 1000000000 is refused by size, --max-n 256 by cost, before any check runs", async () => {
    expect(await cli("prove", "thm5", "--max-n", "1000000000")).toEqual(refusal("prove", /the Theorem 5 model for k = 1, length 1000000000 .*above the cap of 524288/));
    expect(await cli("prove", "thm5", "--max-n", "256")).toEqual(tooCostly("prove", "--max-n 256", COST_CAPS.thm5.unit));
    expect(await cli("prove", "all", "--max-n", "256")).toEqual(tooCostly("prove", "--max-n 256", COST_CAPS.thm5.unit));
  });

  it("plot --max-n 100000 and --max-n 64 write nothing: the first too large to build, the second too costly", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "apmdm-caps-")), "plots");
    expect(await cli("plot", "--out", out, "--max-n", "100000")).toEqual(refusal("plot", /prefix-sums at n = 1536 \(Theorem 1: n \+ 1 \+ 6·P·T \+ output\): its canvas would hold 758785 positions, above the cap of 524288/));
    expect(await cli("plot", "--out", out, "--max-n", "64")).toEqual(tooCostly("plot", "--max-n 64", COST_CAPS.plot.unit));
    expect(existsSync(out)).toBe(false);
  });

  it("compile --n 1000000 is refused by its word size, a canvas past the cap by size, before anything is written", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "apmdm-caps-")), "model");
    expect(await cli("compile", "prefix-sums", "--n", "1000000", "--out", out)).toEqual(refusal("compile", /prefix-sums at n = 1000000 has 25-bit words/));
    expect(await cli("compile", "bitonic-sort", "--n", "512", "--out", out)).toEqual(refusal("compile", /bitonic-sort at n = 512 .*its canvas would hold 985601 positions, above the cap of 524288/));
    expect(await cli("compile", "bitonic-sort", "--n", "512", "--model", "ap-mdm", "--out", out)).toMatchObject({ code: 0 });
    expect(existsSync(join(out, "model.safetensors"))).toBe(true);
  });

  it("mdm run on an input whose canvas is past the cap is refused by size, after the PRAM ran, before anything is built", async () => {
    const input = Array.from({ length: 512 }, (_, i) => i % 5).join(",");
    expect(await cli("mdm", "run", "bitonic-sort", "--input", input)).toEqual(refusal("mdm run", /bitonic-sort at n = 512 .*its canvas would hold 985601 positions, above the cap of 524288/));
  });

  it("mdm run and view refuse a decode past its process's cap (by engine) before it runs, and write nothing; --force is an option of both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-caps-"));
    const ones = (n: number) => Array(n).fill(1).join(",");
    const unit = "FLOPs (dense count)";
    // each would run for minutes: the test would time out if the refusal came after the decode
    expect(await cli("mdm", "run", "prefix-sums", "--input", ones(64), "--model", "masked-arm", "--trace", join(dir, "t.json"))).toEqual(tooCostly("mdm run", "--input \\(n = 64\\) --model masked-arm", unit));
    expect(await cli("mdm", "run", "prefix-sums", "--input", ones(32), "--engine", "dense")).toEqual(tooCostly("mdm run", "--input \\(n = 32\\) --model mdm", unit));
    expect(await cli("view", "prefix-sums", "--input", ones(128), "--model", "ap-mdm,arm", "--out", join(dir, "pages"))).toEqual(tooCostly("view", "--input \\(n = 128\\) --model arm", unit));
    expect(readdirSync(dir)).toEqual([]);
    expect(await cli("mdm", "run", "sum", "--input", "1,2", "--engine", "dense", "--force", "--json")).toMatchObject({ code: 0 });
    expect(await cli("view", "sum", "--input", "1,2", "--force", "--out", join(dir, "pages"))).toMatchObject({ code: 0 });
  });

  it("parity: the evaluator refuses 60,000 bits by cost; the weights' cap admits the bench's 128,000 bits and refuses 200,000, within the canvas cap; --force runs past a cap", async () => {
    expect(await cli("parity", "10".repeat(30_000), "--backend", "evaluator")).toEqual(tooCostly("parity", "60000 bits", COST_CAPS.parityEvaluator.unit));
    const weights = (bits: number) => parityFlops(compile(parityProgram(bits)).model.config, bits);
    expect(200_000).toBeLessThan(MAX_CANVAS);
    expect([weights(128_000) <= COST_CAPS.parity.cap, weights(200_000) > COST_CAPS.parity.cap, weights(128_000) > COST_CAPS.parityEvaluator.cap]).toEqual([true, true, true]);
    const forced = await cli("parity", "1011", "--force");
    expect(forced).toMatchObject({ code: 0, out: expect.stringContaining("parity of 1011 (4 bits): 1") });
  });
});
