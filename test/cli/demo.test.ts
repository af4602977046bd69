import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { runPram } from "../../src/pram/runPram.js";
import { bufferIo } from "./bufferIo.js";

describe("apmdm demo", () => {
  it("decodes prefix sums with the MDM step by step and ends with both outputs and both sets of meters", async () => {
    const io = bufferIo();
    expect(await runCli(["demo"], io)).toBe(0);
    const input = [3, 1, 4, 1];
    const run = runPram(instantiate(loadProgram("prefix-sums"), input.length), input);
    const text = io.stdout();
    expect(text).toContain("MDM output:  3,4,8,9\nPRAM output: 3,4,8,9  (equal)\n");
    for (const [name, value] of Object.entries(run.meters)) expect(text).toMatch(new RegExp(`${name} +${value}\\b`));
    expect(text).toMatch(/steps +20\b/);
    // one canvas per decoding step, from step 0 to the last
    for (let k = 0; k <= 20; k++) expect(text).toContain(`MDM canvas, step ${k}/20`);
    expect(io.stderr()).toBe("");
  });

  it("rejects a bad --input with one line on stderr", async () => {
    const io = bufferIo();
    expect(await runCli(["demo", "--input", "3,x"], io)).toBe(2);
    expect(io.stderr()).toBe("apmdm demo: --input: item 2 'x' is not an integer\n");
    expect(io.stdout()).toBe("");
  });
});
