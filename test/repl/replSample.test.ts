import { PassThrough } from "node:stream";
import { expect, it } from "vitest";
import { startRepl } from "../../src/repl/startRepl.js";

it("apmdm repl: sample decodes a circuit over weights, step/back/goto move through its canvases, load leaves it", async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const closed = startRepl({ input, output, terminal: false, color: false, historyFile: null, width: 100 });
  for (const line of ["sample binomial 2 mdm 3", "step", "goto 9", "back", "sample binomial 2 gpt", "load prefix-sums", "step", "quit"]) input.write(`${line}\n`);
  input.end();
  await closed;
  const out = text.split("apmdm> ").slice(1).map((a) => a.trimEnd());
  expect(out[0]).toMatch(/^binomial n=2 · mdm · seed 3 \(depth 1, width 2, size 4\): output [01]{2} in 2 steps, context 4\nafter step 0\/2, 4 positions\nM M M M$/);
  // Step 1 unmasks the two RAND gates (marked +), step 2 the sum and carry.
  expect(out[1]).toMatch(/^after step 1\/2, 4 positions\n\+[01] \+[01] M M$/);
  expect(out[2]).toMatch(/^after step 2\/2, 4 positions\n[01] [01] \+[01] \+[01]\n\(clamped to 0…2\)$/);
  expect(out[3]).toContain("after step 1/2");
  expect(out[4]).toBe("error: unknown sampler 'gpt' (mdm, arm, ap-mdm, ap-mdm-parity)");
  expect(out[6]).toBe("error: nothing to step (load NAME, then input v1,v2,…)");
});
