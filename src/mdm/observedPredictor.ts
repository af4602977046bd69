import type { Prediction, Predictor } from "./predictor.js";

/**
 * The same predictor, calling `observe` with every prediction it makes (one per forward pass), e.g. to
 * read the margins of each pass of a decode without running the pass again.
 */
export function observedPredictor(predictor: Predictor, observe: (prediction: Prediction) => void): Predictor {
  return {
    ...predictor,
    predict(tokens, outputs) {
      const p = predictor.predict(tokens, outputs);
      observe(p);
      return p;
    },
  };
}
