import { describe, expect, it } from "vitest";
import { attend, bonus, lin, matchTerms } from "../../src/efasp/attend.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import { evaluate } from "../../src/efasp/evaluate.js";
import { compare, linear, select } from "../../src/efasp/local.js";
import { position, token } from "../../src/efasp/sources.js";

const vocab = ["M", "0", "1", "2", "3"];
const value = token("value", [0, 0, 1, 2, 3]);
const isMask = token("isMask", [1, 0, 0, 0, 0]);
const i = position("i", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, 63);
const i2 = position("i²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, 63 * 63);

describe("evaluate", () => {
  it("copies the previous token with an exact-match head (position i−1; position 0 matches nothing and takes the best)", () => {
    const prev = linear("i-1", [[1, i]], -1);
    const [copied] = attend("prev", matchTerms(1, lin([1, prev]), i, i2), [value]);
    const out = linear("code", [[1, copied]], 1);
    const program: EfaspProgram = { name: "shift", vocab, maskToken: 0, output: { kind: "code", feature: out }, control: null, causal: false };
    const r = evaluate(program, [2, 3, 4, 1]);
    // position 0 attends to key 0 (score -C(0-(-1))² is best at j = 0): copies its own value.
    expect(Array.from(r.values.get(copied.id)!)).toEqual([1, 1, 2, 3]);
    expect(Array.from(r.prediction)).toEqual([2, 2, 3, 4]);
  });

  it("'exists a mask' is exact with a max-style head; a non-integer mean is rejected", () => {
    const [anyMask] = attend("anyMask", [bonus(1, isMask)], [isMask]);
    const code = select("code", compare("hasMask", "gt", anyMask, linear("zero", [], 0)), linear("one", [], 1), linear("two", [], 2));
    const program: EfaspProgram = { name: "m", vocab, maskToken: 0, output: { kind: "code", feature: code }, control: null, causal: false };
    expect(Array.from(evaluate(program, [1, 0, 2]).prediction)).toEqual([1, 1, 1]);
    expect(Array.from(evaluate(program, [1, 3, 2]).prediction)).toEqual([2, 2, 2]);
    const [mean] = attend("mean", [bonus(0, isMask)], [value]);
    const bad: EfaspProgram = { ...program, output: { kind: "code", feature: mean } };
    expect(() => evaluate(bad, [2, 3])).toThrow(/not an integer/);
  });
});
