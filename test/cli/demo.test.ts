import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/runCli.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { runPram } from "../../src/pram/runPram.js";

function bufferIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (s) => void (out += s), err: (s) => void (err += s), color: false, stdout: () => out, stderr: () => err };
}

describe("apmdm demo", () => {
  it("runs prefix sums step by step and ends with the PRAM's own meters and output", async () => {
    const io = bufferIo();
    expect(await runCli(["demo"], io)).toBe(0);
    const input = [3, 1, 4, 1, 5, 9, 2, 6];
    const run = runPram(instantiate(loadProgram("prefix-sums"), input.length), input);
    const text = io.stdout();
    expect(text).toContain(`output: ${run.output.join(",")}\n`);
    expect(run.output).toEqual([3, 4, 8, 9, 14, 23, 25, 31]);
    for (const [name, value] of Object.entries(run.meters)) expect(text).toMatch(new RegExp(`${name} +${value}\\b`));
    expect(io.stderr()).toBe("");
  });

  it("rejects a bad --input with one line on stderr", async () => {
    const io = bufferIo();
    expect(await runCli(["demo", "--input", "3,x"], io)).toBe(2);
    expect(io.stderr()).toBe("apmdm demo: --input must be comma-separated integers, got '3,x'\n");
    expect(io.stdout()).toBe("");
  });
});
