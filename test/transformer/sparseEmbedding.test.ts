import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { embedRow } from "../../src/transformer/embed.js";
import { SparseEmbedding } from "../../src/transformer/SparseEmbedding.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { modelsAndTokens } from "./arbitraryTransformer.js";

/** Some embedding entries replaced by −0 (and +0), the case where skipping a zero term could change a bit. */
const withSignedZeros = fc.tuple(modelsAndTokens, fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(-0, 0)), { maxLength: 12 })).map(([[model, tokens], zeros]): [Transformer, Int32Array] => {
  const tokenEmbedding = Float64Array.from(model.weights.tokenEmbedding);
  const positionEmbedding = Float64Array.from(model.weights.positionEmbedding);
  for (const [token, at, z] of zeros) {
    const table = token || positionEmbedding.length === 0 ? tokenEmbedding : positionEmbedding;
    if (table.length > 0) table[at % table.length] = z;
  }
  return [{ ...model, weights: { ...model.weights, tokenEmbedding, positionEmbedding } }, tokens];
});

describe("SparseEmbedding = embedRow, bit for bit", () => {
  test.prop([withSignedZeros], { numRuns: 300 })("every entry of every row, signed zeros included", ([model, tokens]) => {
    const d = model.config.dModel;
    const sparse = new SparseEmbedding(model);
    const want = new Float64Array(d);
    const got = new Float64Array(d);
    for (let i = 0; i < tokens.length; i++) {
      embedRow(model, tokens, i, want, 0);
      sparse.row(tokens, i, got, 0);
      for (let c = 0; c < d; c++) expect(Object.is(got[c], want[c]), `position ${i}, column ${c}: ${got[c]} vs ${want[c]}`).toBe(true);
    }
  });
});
