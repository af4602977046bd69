import type { SeriesSource } from "./seriesSource.js";

/** The PRAM interpreter's own run: parallel steps T and memory M, the references every decoder is fitted to. */
export const pramSource: SeriesSource = {
  model: "pram",
  label: "PRAM",
  fit: { steps: null, context: null },
  tokenwise: false,
  measure: async (_instance, _input, pram) => ({ output: pram.output, steps: pram.T, context: pram.memory }),
};
