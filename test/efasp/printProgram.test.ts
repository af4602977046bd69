import { describe, expect, it } from "vitest";
import { attend, lin, matchTerms } from "../../src/efasp/attend.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import { assume, compare, linear, lookup, max, not, select } from "../../src/efasp/local.js";
import { printProgram } from "../../src/efasp/printProgram.js";
import { position, token } from "../../src/efasp/sources.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { topoOrder } from "../../src/efasp/topoOrder.js";

describe("printProgram", () => {
  it("prints one line per feature in evaluation order, each head before its features, then the outputs", () => {
    const value = token("value", [0, 0, 1, 2, 3]);
    const isMask = token("isMask", [1, 0, 0, 0, 0]);
    const i = position("i", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, 63);
    const i2 = position("i²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, 3969);
    const [prev, prevMask] = attend("prev", matchTerms(1, lin([1, i], -1), i, i2), [value, isMask]);
    const big = compare("big", "ge", max("m", prev, value), linear("two", [], 2));
    const keep = assume("keep≤4", linear("keep", [[-1, big], [2, value]], 1), 0, 4);
    const code = select("code", not("free", prevMask), lookup("inc", prev, [1, 2, 3, 4]), keep);
    const program: EfaspProgram = { name: "demo", vocab: ["M", "0", "1", "2", "3"], maskToken: 0, output: { kind: "code", feature: code }, control: null, causal: false };
    expect(printProgram(program)).toBe(
      [
        'program demo: 5 tokens ["M", "0", "1", "2", "3"], mask "M", bidirectional attention',
        "  value = token [0, 0, 1, 2, 3]  [0, 3]",
        "  two = 2  [2, 2]",
        "  isMask = token [1, 0, 0, 0, 0]  [0, 1]",
        "  i² = position i²  [0, 3969]",
        "  i = position i  [0, 63]",
        "  head prev: score (2·i − 2)·(i) + (−1)·(i²); values value, isMask",
        "  prev:value = prev[0]  [0, 3]",
        "  m = max(prev:value, value)  [0, 3]",
        "  big = m ≥ two  [0, 1]",
        "  keep = −big + 2·value + 1  [0, 7]",
        "  keep≤4 = assume keep  [0, 4]",
        "  inc = lookup(prev:value) in [1, 2, 3, 4]  [1, 4]",
        "  prev:isMask = prev[1]  [0, 1]",
        "  free = not(prev:isMask)  [0, 1]",
        "  code = free ? inc : keep≤4  [0, 4]",
        "output: token id code",
        "",
      ].join("\n"),
    );
    const scores = printProgram({ ...program, output: { kind: "scores", features: [isMask, value, value, value, value] }, control: [isMask, isMask, big] });
    expect(scores.split("\n").slice(-3)).toEqual(["output: token scores isMask, value, value, value, value", "control: remask isMask, insert isMask, delete big", ""]);
  });

  it("prints the Theorem 1 program: a line per feature and per head, names made unique", () => {
    const program = constructMdm(instantiate(loadProgram("prefix-sums"), 2)).program(false);
    const text = printProgram(program);
    const order = topoOrder(program);
    const heads = new Set(order.flatMap((f) => (f.kind === "aggregate" ? [f.head.id] : [])));
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBe(1 + order.length + heads.size + 1);
    const defined = lines.filter((l) => / = /.test(l) && !l.startsWith("  head ")).map((l) => l.trim().split(" = ")[0]);
    expect(new Set(defined).size).toBe(defined.length);
  });
});
