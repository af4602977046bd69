import type { ForwardResult } from "../transformer/forward.js";
import type { Margin } from "./proofReport.js";

/** The smallest attention-score and token-logit gaps seen over many forward passes, and where each was seen. */
export interface WorstMargins {
  readonly see: (meter: ForwardResult["meter"], at: string) => void;
  readonly margins: () => Margin[];
}

export function worstMargins(): WorstMargins {
  const worst = [
    { name: "attention score gap (best − next best key)", value: Infinity, where: "" },
    { name: "token logit gap (tied maxima − next best token)", value: Infinity, where: "" },
  ];
  const keep = (m: (typeof worst)[number], v: number, at: string) => {
    if (v < m.value) [m.value, m.where] = [v, at];
  };
  return {
    see(meter, at) {
      keep(worst[0], meter.minAttentionMargin, at);
      keep(worst[1], meter.minLogitMargin, at);
    },
    margins: () => worst.map((m) => ({ ...m })),
  };
}
