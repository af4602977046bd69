import type { Margin } from "./proofReport.js";

/** The smallest value seen of one kind of gap (attention score, logit), and where it was seen. */
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

export type WorstMargin = ReturnType<typeof worstMargin>;
