import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { historyFile, startRepl } from "../../src/repl/startRepl.js";

/** Feeds lines to a REPL on in-process streams and returns what it printed, once it has closed. */
async function drive(lines: readonly string[], color = false): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const closed = startRepl({ input, output, terminal: false, color, historyFile: null, width: 100 });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await closed;
  return text;
}

/** The printed text split into the answers to each prompt (the first chunk is before the first prompt). */
function answers(text: string): string[] {
  return text.split("apmdm> ").slice(1).map((a) => a.trimEnd());
}

describe("apmdm repl", () => {
  it("loads a program, runs an input, and steps forward and back through the PRAM run", async () => {
    const out = answers(await drive(["load prefix-sums", "input 3,1,4,1", "step", "step 2", "back", "goto 0", "quit"]));
    expect(out[0]).toBe("loaded prefix-sums; now: input v1,v2,…");
    expect(out[1]).toMatch(/^n=4: PRAM output 3,4,8,9 in \d+ parallel steps/);
    expect(out[1]).toContain("after step 0/");
    expect(out[2]).toContain("after step 1/");
    expect(out[3]).toContain("after step 3/");
    expect(out[4]).toContain("after step 2/");
    expect(out[5]).toContain("after step 0/");
  });

  it("answers bad commands with one line and keeps going", async () => {
    const out = answers(await drive(["frobnicate", "step", "load", "load no-such-program", "input 1,x", "load prefix-sums", "goto -3", "input 3,1,4,1", "pos 0", "head 0 0 0", "help"]));
    expect(out[0]).toMatch(/^unknown command 'frobnicate' \(commands: .*help for usage\)$/);
    expect(out[1]).toBe("error: nothing to step (load NAME, then input v1,v2,…)");
    expect(out[2]).toBe("error: usage: load NAME|FILE");
    expect(out[3]).toMatch(/^error: .*no-such-program/);
    expect(out[4]).toBe("error: no program loaded (load NAME|FILE first)");
    expect(out[6]).toBe("error: nothing to step (load NAME, then input v1,v2,…)");
    for (const a of out.slice(0, 7)) expect(a.split("\n")).toHaveLength(1);
    expect(out[10]).toContain("pos I [LAYER]");
  });

  it("clamps steps to the run and says so", async () => {
    const out = answers(await drive(["load prefix-sums", "input 3,1", "goto 1000", "back 2000"]));
    expect(out[2]).toMatch(/\(clamped to 0…\d+\)$/);
    expect(out[3]).toContain("after step 0/");
  });

  it("prints no colour codes in plain mode, and colour when asked", async () => {
    const plain = await drive(["load prefix-sums", "input 3,1,4,1", "step"]);
    expect(plain).not.toMatch(/\x1b\[/);
    const colour = await drive(["load prefix-sums", "input 3,1,4,1", "step"], true);
    expect(colour).toMatch(/\x1b\[/);
  });

  it("inspects the compiled transformer: a position's residual stream by label, and the keys a head selected", async () => {
    const out = answers(await drive(["load prefix-sums", "input 3,1", "step 2", "pos 1 0", "pos 1", "head 0 0 5", "pos 9999", "head 99 0 0"]));
    expect(out[3]).toMatch(/^position 1 \(input x0\), entering layer 0: \d+ non-zero dimensions/);
    expect(out[3]).toMatch(/\n {2}value = 3\b/);
    expect(out[4]).toMatch(/^position 1 \(input x0\), entering layer 13:/);
    expect(out[5]).toMatch(/^layer 0 head 0, query 5 \(t1 p0 \w+\) averages \d+ key\(s\):\n {2}\d+ \(/);
    expect(out[6]).toMatch(/^error: position 9999 is out of range 0…\d+$/);
    expect(out[7]).toMatch(/^error: layer 99 is out of range 0…12$/);
  });

  it("switches to the AP-MDM and marks its edits in plain text", async () => {
    const out = answers(await drive(["load max", "input 5,2,7", "model ap-mdm", "goto 3", "goto 1000"]));
    expect(out[2]).toMatch(/AP-MDM: \d+ decoding steps/);
    expect(out.slice(2).join("\n")).toMatch(/\^M/);
    expect(out[4]).toContain("7");
  });

  it("keeps history only on a terminal and not when APMDM_HISTORY is empty", () => {
    expect(historyFile(false, {})).toBeNull();
    expect(historyFile(true, { APMDM_HISTORY: "" })).toBeNull();
    expect(historyFile(true, { APMDM_HISTORY: "/tmp/h" })).toBe("/tmp/h");
    expect(historyFile(true, {})).toMatch(/\.apmdm_repl_history$/);
  });
});
