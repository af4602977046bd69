import { expect, test } from "vitest";
import { proveSampling } from "../../src/proofs/sampling.js";

test("apmdm prove sampling (small): passes, with the constants the constructions promise", async () => {
  const r = await proveSampling({ runs: 1, seed: 3, maxN: 2 });
  expect(r.counterexample).toBeNull();
  expect(r.checks.filter((c) => !c.passed)).toEqual([]);
  expect(r.passed).toBe(true);
  const constants = Object.fromEntries(r.bounds.map((b) => [b.statement, b.constants.map((c) => c.exact).join(", ")]));
  expect(constants["MDM steps ≤ c1·depth + c0"]).toBe("1, 1");
  expect(constants["ARM steps ≤ c1·size + c0"]).toBe("1, 0");
  expect(constants["MDM context ≤ c1·size + c0"]).toBe("1, 0");
  expect(constants["even-parity AP-MDM steps ≤ c1·n + c0 (c1 = 0: constant in n)"]).toBe("0, 4");
  expect(constants["even-parity XOR-tree MDM steps ≤ c1·⌈log₂(n − 1)⌉ + c0"]).toBe("1, 1");
  expect(r.margins.map((m) => m.value)).toEqual([1, 1]);
});
