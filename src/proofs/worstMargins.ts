import type { ForwardResult } from "../transformer/forward.js";
import type { Prediction } from "../mdm/predictor.js";
import type { Margin } from "./proofReport.js";
import { worstMargin } from "./worstMargin.js";

/** The smallest attention-score and token-logit gaps seen over many forward passes, and where each was seen. */
export interface WorstMargins {
  readonly see: (meter: ForwardResult["meter"], at: string) => void;
  /** The same figures as a weights predictor reports them for its pass (none for the evaluator). */
  readonly seePrediction: (prediction: Prediction, at: string) => void;
  readonly margins: () => Margin[];
}

export function worstMargins(): WorstMargins {
  const attention = worstMargin("attention score gap (best − next best key)");
  const logit = worstMargin("token logit gap (tied maxima − next best token)");
  return {
    see(meter, at) {
      attention.see(meter.minAttentionMargin, at);
      logit.see(meter.minLogitMargin, at);
    },
    seePrediction(prediction, at) {
      if (!prediction.margins) return;
      attention.see(prediction.margins.attention, at);
      logit.see(prediction.margins.logit, at);
    },
    margins: () => [attention.margin(), logit.margin()],
  };
}
