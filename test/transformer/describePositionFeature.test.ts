import { describe, expect, it } from "vitest";
import { describePositionFeature } from "../../src/transformer/describePositionFeature.js";
import type { PositionFeature } from "../../src/transformer/positionFeature.js";

describe("describePositionFeature", () => {
  it.each<[PositionFeature, string]>([
    [{ kind: "one" }, "1"],
    [{ kind: "length", power: 1 }, "N"],
    [{ kind: "length", power: 2 }, "N²"],
    [{ kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, "i"],
    [{ kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, "i²"],
    [{ kind: "index", offset: 1, divisor: 4, modulus: 8, power: 1 }, "⌊(i − 1)/4⌋ mod 8"],
    [{ kind: "index", offset: -2, divisor: 1, modulus: null, power: 2 }, "(i + 2)²"],
    [{ kind: "bit", offset: 0, divisor: 3, modulus: null, bit: 2 }, "bit 2 of ⌊i/3⌋"],
    [{ kind: "bit", offset: 5, divisor: 1, modulus: 3, bit: 1 }, "bit 1 of (i − 5) mod 3"],
    [{ kind: "index", offset: 5, divisor: 1, modulus: 24, power: 1 }, "(i − 5) mod 24"],
    [{ kind: "index", offset: 1, divisor: 1, modulus: null, power: 2 }, "(i − 1)²"],
  ])("%j reads %s", (spec, text) => {
    expect(describePositionFeature(spec)).toBe(text);
  });
});
