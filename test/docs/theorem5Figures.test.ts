import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/ap-mdm/seededRandom.js";
import { computeParity } from "../../src/ap-mdm/parity/computeParity.js";
import { runCli } from "../../src/cli/runCli.js";

const doc = readFileSync(new URL("../../docs/theorem5.md", import.meta.url), "utf8");

/** Every ```console block: its first line is `$ apmdm ARGS…`, the rest what the command prints. */
const blocks = [...doc.matchAll(/```console\n\$ apmdm ([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1], expected: m[2] }));

describe("docs/theorem5.md figures", () => {
  it("has the figures this test regenerates", () => {
    expect(blocks.map((b) => b.args)).toEqual(["dyck sample --k 2 --length 6 --seed 4 --trace", "prove thm5 --runs 3 --seed 1 --max-n 4", "parity 1011011 --trace"]);
  });

  it.each(blocks.map((b) => [b.args, b.expected] as const))("apmdm %s prints what the doc shows", async (args, expected) => {
    let out = "";
    const code = await runCli(args.split(" "), { out: (s) => void (out += s), err: (s) => void (out += s), color: false });
    expect(code).toBe(0);
    expect(out).toBe(expected);
  });

  it("the parity step table is what decoding measures (one seeded random string per length)", () => {
    const table = doc.split("<!-- parity-steps: n | steps | peak context -->")[1].split("\n\n")[0];
    const rows = table
      .split("\n")
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split("|").slice(1, 4).map((c) => Number(c.trim())));
    expect(rows.length).toBe(13);
    const random = seededRandom(5);
    for (const [n, steps, peak] of rows) {
      const bits = Array.from({ length: n }, () => random.below(2));
      const m = computeParity(bits).decode.meters;
      expect([n, m.steps, m.peakContext]).toEqual([n, steps, peak]);
    }
  });
});
