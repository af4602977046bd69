import { expect, it } from "vitest";
import { checkAllStrings } from "./checkAllStrings.js";

// Length 12 on its own, to keep each test file short on a 2-core machine.
it("parity by deleting pairs is right on all 4096 bit strings of length 12, in 9 steps", () => {
  expect(checkAllStrings(12, 12)).toBe(4096);
});
