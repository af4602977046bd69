import { fc } from "@fast-check/vitest";
import { arbitraryPositionFeature } from "../../src/transformer/arbitraryPositionFeature.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";
import type { AttentionKind, TransformerConfig } from "../../src/transformer/transformerConfig.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";


const attentionKinds: fc.Arbitrary<AttentionKind> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "average-hard" as const }) },
  fc.record({ kind: fc.constant("softmax" as const), beta: fc.constantFrom(0, 0.5, 1, 3) }),
);

/** A config of a random small shape (zero layers, zero heads and zero MLP units included). */
export const configs: fc.Arbitrary<TransformerConfig> = fc
  .record({
    dModel: fc.integer({ min: 1, max: 6 }),
    V: fc.integer({ min: 1, max: 5 }),
    positionFeatures: fc.array(arbitraryPositionFeature, { maxLength: 3 }),
    layers: fc.array(fc.record({ heads: fc.array(fc.record({ dQK: fc.integer({ min: 0, max: 3 }), dV: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }), mlpHidden: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
    attention: attentionKinds,
    causal: fc.boolean(),
    control: fc.boolean(),
  })
  .map(({ V, ...rest }) => ({ ...rest, vocab: Array.from({ length: V }, (_, t) => `t${t}`), maskToken: 0 }));

/** A model with small integer weights, mostly zero like the hand-built ones, or dense. */
export const transformers: fc.Arbitrary<Transformer> = fc
  .record({ config: configs, seed: fc.integer(), density: fc.constantFrom(0.2, 0.5, 1) })
  .map(({ config, seed, density }) => randomTransformer(config, seed, density));

/** A model and a token sequence over its vocabulary (length 1..24). */
export const modelsAndTokens: fc.Arbitrary<[Transformer, Int32Array]> = transformers.chain((model) =>
  fc.array(fc.nat({ max: model.config.vocab.length - 1 }), { minLength: 1, maxLength: 24 }).map((t): [Transformer, Int32Array] => [model, Int32Array.from(t)]),
);
