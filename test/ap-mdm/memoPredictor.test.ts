import { describe, expect, it } from "vitest";
import { memoPredictor } from "../../src/ap-mdm/memoPredictor.js";
import type { Predictor } from "../../src/mdm/predictor.js";

describe("memoPredictor", () => {
  it("answers a canvas seen before from its cache, with a prediction the caller may overwrite", () => {
    let calls = 0;
    const inner: Predictor = {
      vocab: ["M", "a"],
      maskToken: 0,
      predict(tokens) {
        calls += 1;
        return { prediction: Int32Array.from(tokens, () => 1), tied: () => [1], control: null, flops: 5, work: 5, fullPasses: 1, margins: null };
      },
    };
    const memo = memoPredictor(inner, 2);
    const first = memo.predict(Int32Array.of(0, 0));
    first.prediction[0] = 7;
    expect(Array.from(memo.predict(Int32Array.of(0, 0)).prediction)).toEqual([1, 1]);
    expect(calls).toBe(1);
    memo.predict(Int32Array.of(0));
    memo.predict(Int32Array.of(1)); // over capacity: the cache starts afresh
    memo.predict(Int32Array.of(0, 0));
    expect(calls).toBe(4);
  });
});
