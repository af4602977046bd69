import type { Predictor } from "../../mdm/predictor.js";
import { sudokuRules } from "./sudokuRules.js";
import { MASK, SUDOKU_VOCAB } from "./sudokuVocabulary.js";

/**
 * The specification sudokuRules as a predictor, so a decode over it yields the same canvases and edits
 * as one over the weights (the tests and `apmdm prove experiments` check that step by step) at no
 * forward-pass cost: it reports 0 FLOPs and no margins. The docs' figures are checked against it.
 */
export const rulesPredictor: Predictor = {
  vocab: SUDOKU_VOCAB,
  maskToken: MASK,
  predict(tokens) {
    const next = sudokuRules(tokens);
    const remask = Uint8Array.from(tokens, (t, i) => Number(t !== MASK && next[i] === MASK));
    const prediction = Int32Array.from(tokens, (t, i) => (t === MASK ? next[i] : t));
    const zeros = new Uint8Array(tokens.length);
    return { prediction, tied: (i) => [prediction[i]], control: [remask, zeros, zeros], flops: 0, work: 0, fullPasses: 0, margins: null };
  },
};
