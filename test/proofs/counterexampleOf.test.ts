import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counterexampleOf } from "../../src/proofs/counterexampleOf.js";

describe("counterexampleOf", () => {
  it("reports the shrunk input, the failure's message and the replay command", () => {
    const failing = fc.check(fc.property(fc.array(fc.nat({ max: 9 })), (xs) => xs.length < 3), { seed: 4 });
    const c = counterexampleOf(failing, { check: "short", program: "p", n: 3 }, (input) => `replay ${input.join(",")}`);
    expect(c).toEqual({ check: "short", program: "p", n: 3, input: [0, 0, 0], message: "Property failed by returning false", shrinks: failing.numShrinks, replay: "replay 0,0,0" });
    const throwing = fc.check(fc.property(fc.array(fc.nat()), (xs) => {
      if (xs.some((x) => x > 5)) throw new Error("too big");
    }), { seed: 4 });
    expect(counterexampleOf(throwing, { check: "small", program: "p", n: 1 }, () => "").message).toBe("too big");
  });
});
