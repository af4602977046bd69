import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { maxflowSweep, maxflowSweepTable } from "../../src/ap-mdm/maxflow/maxflowSweep.js";
import { runCli } from "../../src/cli/runCli.js";

const doc = readFileSync(new URL("../../docs/maxflow.md", import.meta.url), "utf8");

/** Every ```console block: its first line is `$ apmdm ARGS…`, the rest what the command prints. */
const blocks = [...doc.matchAll(/```console\n\$ apmdm ([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1], expected: m[2] }));

describe("docs/maxflow.md figures", () => {
  it("has the figures this test regenerates", () => {
    expect(blocks.map((b) => b.args)).toEqual(["maxflow --graph graphs/diamond.txt"]);
  });

  it.each(blocks.map((b) => [b.args, b.expected] as const))("apmdm %s prints what the doc shows", async (args, expected) => {
    let out = "";
    const code = await runCli(args.split(" "), { out: (s) => void (out += s), err: (s) => void (out += s), color: false });
    expect(code).toBe(0);
    expect(out).toBe(expected);
  });
});

describe("docs/maxflow.md table", () => {
  it("is what maxflowSweep measures (10 seeded graphs per size, 4 … 10 nodes)", () => {
    const table = doc.split("<!-- maxflow-sweep: nodes 4 … 10, 10 graphs each -->\n")[1].split("\n\n")[0];
    expect(table).toBe(maxflowSweepTable(maxflowSweep([4, 5, 6, 7, 8, 9, 10], 10)));
  });
});
