import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dyckProgram } from "../../src/ap-mdm/dyck/dyckProgram.js";
import { compile } from "../../src/efasp/compile.js";
import { passFlops } from "../../src/mdm/passFlops.js";
import { forward } from "../../src/transformer/forward.js";
import { modelsAndTokens } from "../transformer/arbitraryTransformer.js";

describe("passFlops: the cost caps' estimate of one forward pass, from the shape alone", () => {
  test.prop([modelsAndTokens], { numRuns: 200 })("bounds the pass's flops meter from above, by at most the averaging of every key", ([model, tokens]) => {
    const { config } = model;
    const n = tokens.length;
    const measured = forward(model, tokens).meter.flops;
    const pairs = config.causal ? (n * (n + 1)) / 2 : n * n;
    // The bound takes every key a query sees as maximal; a query has at least one maximal key.
    const slack = 2 * config.layers.reduce((s, l) => s + l.heads.reduce((h, { dV }) => h + (pairs - n) * dV, 0), 0);
    expect(passFlops(config, n)).toBeGreaterThanOrEqual(measured);
    expect(passFlops(config, n) - measured).toBeLessThanOrEqual(slack);
    if (config.attention.kind === "softmax") expect(passFlops(config, n)).toBe(measured);
  });

  it("the Theorem 5 model is at least as wide as its vocabulary (checkDyckSize counts two V × V token matrices)", () => {
    for (const [k, length] of [[1, 0], [1, 2], [2, 8], [3, 16], [26, 6]]) {
      const { config } = compile(dyckProgram(k, length).program).model;
      expect(config.dModel).toBeGreaterThanOrEqual(config.vocab.length);
    }
  });
});
