import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { kindCounts, pageData } from "../view/pageData.js";
import { cli } from "./bufferIo.js";

describe("apmdm sample", () => {
  test("samples a library circuit with seeds, prints meters, and --exact compares the distributions", async () => {
    const r = await cli("sample", "binomial", "--n", "4", "--count", "3", "--seed", "5", "--exact");
    expect(r.code).toBe(0);
    expect(r.out).toContain("binomial n=4 · mdm: depth 3, width 4 (leveled 5), size 13, 4 random bits, 3 outputs");
    expect(r.out.match(/^ {2}seed [567]: [01]{3} {3}4 steps, context 13$/gm)).toHaveLength(3);
    expect(r.out).toContain("exact distribution of the decode (5 outcomes, 65 canvases): equal to the circuit's");
    expect(r.out).toContain("    010  3/8\n");
  });

  test("--json, a .circuit file, the AP-MDM and --trace (written whole)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-sample-"));
    const file = join(dir, "and.circuit");
    writeFileSync(file, "a = RAND\nb = RAND\nc = AND a b\noutput c\n");
    const trace = join(dir, "trace.json");
    const r = await cli("sample", file, "--model", "ap-mdm", "--json", "--exact", "--trace", trace);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.measures).toEqual({ size: 3, depth: 1, width: 2, leveledWidth: 2, randomBits: 2, outputs: 1 });
    expect(j.exact).toMatchObject({ equal: true, decode: [["0", "3/4"], ["1", "1/4"]] });
    expect(j.samples[0]).toMatchObject({ seed: 1, steps: 4, context: 3 });
    const t = JSON.parse(readFileSync(trace, "utf8"));
    expect(t.canvases[0]).toEqual(["M", "M", "M"]);
    expect(t.canvases.at(-1)).toEqual([`c=${t.output}`]);
  });

  const bad: [string, string[], string][] = [
    ["a cycle", ["cyc.circuit"], "cyc.circuit:1:1: the gates a → b → a form a cycle"],
    ["an unknown circuit", ["nope"], "no library circuit 'nope'"],
    ["n out of range", ["even-parity", "--n", "1"], "even-parity: n must be an integer in 2 … 4096, got 1"],
    ["--n with a file", ["cyc.circuit", "--n", "3"], "--n applies to library circuits"],
    ["a bad model", ["binomial", "--model", "gpt"], "--model must be one of mdm, arm, ap-mdm, ap-mdm-parity"],
    ["the parity model elsewhere", ["binomial", "--model", "ap-mdm-parity"], "ap-mdm-parity samples even-parity strings only"],
    ["a bad --capture", ["binomial", "--capture", "1,x"], "--capture"],
  ];
  test.each(bad)("%s: one error line, exit 2, no trace or page written", async (_, args, message) => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-sample-"));
    writeFileSync(join(dir, "cyc.circuit"), "a = AND b b\nb = NOT a\noutput a\n");
    const trace = join(dir, "t.json");
    const html = join(dir, "t.html");
    const r = await cli("sample", ...args.map((a) => (a.endsWith(".circuit") ? join(dir, a) : a)), "--trace", trace, "--html", html);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(trace)).toBe(false);
    expect(existsSync(html)).toBe(false);
  });

  test("--html: the ARM's page grows the canvas a gate a step; the parity sampler's canvas doubles and halves, with no circuit beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-sample-"));
    const arm = join(dir, "arm.html");
    expect((await cli("sample", "majority", "--n", "3", "--model", "arm", "--html", arm)).code).toBe(0);
    const a = pageData(arm);
    expect(a.frames.map((f) => f.cells.length / 3)).toEqual(Array.from({ length: a.frames.length }, (_, k) => k));
    expect(kindCounts(a)).toMatchObject({ unmasked: a.frames.length - 1, masked: 0 });
    expect(a.circuit!.frames.at(-1)!.every((bit) => bit >= 0)).toBe(true);
    expect(a.describe[0]).toMatch(/^depth0 \S+ = RAND$/);
    const parity = join(dir, "parity.html");
    expect((await cli("sample", "even-parity", "--n", "4", "--model", "ap-mdm-parity", "--seed", "3", "--html", parity)).code).toBe(0);
    const p = pageData(parity);
    expect(p.label).toBe("AP-MDM parity sampler");
    expect(p.circuit).toBeNull();
    // sample + insert, XOR + remask, delete, check: r₁ M … r₄ M, M x₁ … M x₄, x₁ … x₄
    expect(p.frames.map((f) => f.cells.length / 3)).toEqual([4, 8, 8, 8, 4]);
    expect(kindCounts(p)).toMatchObject({ unmasked: 8, inserted: 4, remasked: 4, deleted: 4 });
  });
});
