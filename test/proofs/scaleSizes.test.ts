import { describe, expect, it } from "vitest";
import { librarySweep } from "../../src/proofs/librarySweep.js";

describe("the simulation proofs beyond the test sizes", () => {
  it("sweep a program's scale sizes (powers of two up to --max-n) with one input each", async () => {
    const sweep = await librarySweep({ runs: 2, seed: 1, maxN: 32, programs: ["broadcast"] }, () => [{ model: "ap-mdm", runs: 2 }]);
    expect(sweep.sizes).toEqual([1, 2, 3, 4, 5, 8, 9, 17, 32]);
    expect(sweep.checks()).toEqual([{ name: "ap-mdm output = PRAM output", passed: true, cases: 9 }]);
    expect(sweep.observations.map((o) => o.instance.n)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 8, 8, 9, 9, 17, 17, 32]);
  });
});
