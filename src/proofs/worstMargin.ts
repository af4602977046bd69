import type { Margin } from "./proofReport.js";

/** Tracks the smallest gap of one kind (attention score, logit) seen over a check's runs, and where it was seen. */
export function worstMargin(name: string) {
  let value = Infinity;
  let where = "";
  return {
    see(v: number, at: string) {
      if (v < value) [value, where] = [v, at];
    },
    margin: (): Margin => ({ name, value, where }),
  };
}
