import { expect, test } from "vitest";
import { rational } from "../../src/plot/rational.js";
import { chiSquare } from "../../src/sampling/chiSquare.js";

const uniform = (xs: string[]) => new Map(xs.map((x) => [x, rational(1n, BigInt(xs.length))]));

test("χ²: a perfect fit, a known p-value (df = 2: p = e^(−χ²/2)), a broken sampler, pooling of small bins", () => {
  const three = uniform(["a", "b", "c"]);
  const perfect = chiSquare([..."aaaaaaaaaabbbbbbbbbbcccccccccc"], three);
  expect([perfect.chiSquare, perfect.bins, perfect.pValue, perfect.outside]).toEqual([0, 3, 1, 0]);
  // Counts 14, 10, 6 against 10 each: χ² = (16 + 0 + 16)/10 = 3.2 on 2 df.
  const skewed = chiSquare([..."aaaaaaaaaaaaaabbbbbbbbbbcccccc"], three);
  expect(skewed.chiSquare).toBeCloseTo(3.2, 12);
  expect(skewed.pValue).toBeCloseTo(Math.exp(-1.6), 12);
  const broken = chiSquare(Array(300).fill("a"), three);
  expect(broken.pValue).toBeLessThan(1e-60);
  expect(chiSquare(["a", "z"], three).outside).toBe(1);
  // 1,000 outcomes, 100 samples: bins of 50 outcomes expect 5 each, so 20 bins.
  const many = uniform(Array.from({ length: 1000 }, (_, i) => String(i).padStart(4, "0")));
  expect(chiSquare(Array.from({ length: 100 }, (_, i) => String(i * 10).padStart(4, "0")), many).bins).toBe(20);
});
