import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
