import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./bufferIo.js";

const HEADER = ".processors 2\n.memory 4\n.word 6\n.registers 2\n.input 0..9\n.output 0, 2\n.steps 6\n.mode EREW\n";
const dir = mkdtempSync(join(tmpdir(), "apmdm-fail-"));
const file = (name: string, code: string) => {
  const path = join(dir, `${name}.pram`);
  writeFileSync(path, `${HEADER}${code}`);
  return path;
};
const overflow = file("overflow", "  LOAD r0, [pid]\n  MUL r0, r0, 20\n  STORE r0, [pid]\n  HALT\n");
const address = file("address", "  LOAD r0, [pid + 3]\n  HALT\n");

/** Issue 10: when the PRAM run fails, mdm run decodes anyway and prints both errors. */
describe("mdm run on an input where the PRAM run fails", () => {
  it.each([
    ["overflow", overflow, "mdm"],
    ["overflow", overflow, "ap-mdm"],
    ["address", address, "mdm"],
  ])("%s (%s, %s): the decode writes the same error token; exit 2", async (kind, path, model) => {
    const r = await cli("mdm", "run", path, "--input", "1,2", "--model", model);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^apmdm mdm run: .*${kind}`));
    expect(r.out).toMatch(new RegExp(`PRAM .*${kind}`));
    expect(r.out).toMatch(new RegExp(`decoding +stopped: the simulated run failed: ${kind} error at .* \\(decoding step \\d+\\)  \\(the same error\\)`));
  });

  it("--json carries both errors and the step", async () => {
    const r = await cli("mdm", "run", overflow, "--input", "1,2", "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ pramError: { kind: "overflow" }, error: { kind: "overflow", step: expect.any(Number) }, sameError: true });
  });
});
