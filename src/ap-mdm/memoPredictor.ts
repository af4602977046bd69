import type { Prediction, Predictor } from "../mdm/predictor.js";

/**
 * A predictor that remembers its answers by canvas. A forward pass is a pure function of the tokens, so
 * this changes no result, only how often the model runs: exhaustive checks over many inputs or seeds
 * revisit the same canvases (every parity string of a length shares its later rounds with others).
 * Predictions are requested for every position; the cache holds at most `capacity` canvases and is
 * cleared when full. Reported flops are those of the pass that filled the entry.
 */
export function memoPredictor(predictor: Predictor, capacity = 100_000): Predictor {
  const cache = new Map<string, Prediction>();
  return {
    vocab: predictor.vocab,
    maskToken: predictor.maskToken,
    predict(tokens) {
      const key = tokens.join();
      const hit = cache.get(key);
      if (hit) return { ...hit, prediction: Int32Array.from(hit.prediction) };
      if (cache.size >= capacity) cache.clear();
      const p = predictor.predict(tokens);
      cache.set(key, { ...p, prediction: Int32Array.from(p.prediction) });
      return p;
    },
  };
}
