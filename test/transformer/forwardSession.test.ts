import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/efasp/compile.js";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import type { Prediction } from "../../src/mdm/predictor.js";
import { ForwardSession } from "../../src/transformer/ForwardSession.js";
import { forward } from "../../src/transformer/forward.js";
import type { IndexMode } from "../../src/transformer/HeadCache.js";
import { FORWARD_ENGINES } from "../../src/transformer/forwardEngine.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";
import { arbitraryProgram, arbitraryTokens } from "../../src/efasp/arbitraryProgram.js";
import { configs, transformers } from "./arbitraryTransformer.js";
import { randomTransformer } from "../../src/transformer/randomTransformer.js";

/** One step's edit of the canvas: set positions to tokens, or insert/delete a position (the length changes). */
type Edit = { kind: "set"; at: number[]; token: number[] } | { kind: "insert"; at: number; token: number } | { kind: "delete"; at: number };

const edits = (V: number): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.array(fc.nat(40), { maxLength: 4 }), token: fc.array(fc.nat(V - 1), { minLength: 4, maxLength: 4 }) }) },
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(40), token: fc.nat(V - 1) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(40) }),
  );

function apply(tokens: Int32Array, e: Edit): Int32Array {
  const n = tokens.length;
  if (e.kind === "set") {
    const next = Int32Array.from(tokens);
    e.at.forEach((i, r) => (next[i % n] = e.token[r]));
    return next;
  }
  const list = Array.from(tokens);
  if (e.kind === "insert") list.splice(e.at % (n + 1), 0, e.token);
  else if (n > 1) list.splice(e.at % n, 1);
  return Int32Array.from(list);
}

/** The decisions a decoding loop reads, as plain data. */
const decisions = (p: Prediction, n: number) => ({
  prediction: Array.from(p.prediction),
  tied: Array.from({ length: n }, (_, i) => p.tied(i)),
  control: p.control?.map((bits) => Array.from(bits)) ?? null,
  flops: p.flops,
  margins: p.margins,
});

/**
 * Runs a session through the canvases and checks every pass against a fresh dense forward pass: token and
 * control logits at every requested position, the meters (FLOPs, margins), and the predictions of all
 * three engines; returns the session's full-pass count.
 */
function checkAgainstDense(model: Transformer, canvases: Int32Array[], outputsOf: (t: Int32Array, step: number) => Uint8Array | undefined, fullPassFraction = 0.25, index: IndexMode = "auto"): number {
  const session = new ForwardSession(model, { fullPassFraction, index });
  const predictors = FORWARD_ENGINES.map((engine) => weightsPredictor(model, engine));
  let fullPasses = 0;
  const V = model.config.vocab.length;
  canvases.forEach((tokens, step) => {
    const outputs = outputsOf(tokens, step);
    const want = forward(model, tokens, { outputs, dense: true });
    const got = session.run(tokens, outputs);
    fullPasses += got.meter.fullPasses;
    expect({ ...got.meter, work: 0, fullPasses: 0 }).toEqual({ ...want.meter, work: 0, fullPasses: 0 });
    for (let i = 0; i < tokens.length; i++) {
      if (outputs && !outputs[i]) continue;
      expect(got.logits.tokenLogits(i)).toEqual(want.tokenLogits.slice(i * V, (i + 1) * V));
      expect(got.logits.controlLogits(i)).toEqual(want.controlLogits?.slice(i * 3, i * 3 + 3) ?? null);
    }
    const [incremental, ...references] = predictors.map((p) => decisions(p.predict(tokens, outputs), tokens.length));
    for (const r of references) expect(incremental).toEqual(r);
  });
  return fullPasses;
}

/** Key and query indexes searched whenever exact ("always": the tests' canvases are too small for "auto"), never, or when they pay. */
const indexModes = fc.constantFrom<IndexMode>("always", "never", "auto");

const outputsFrom = (mask: boolean[] | null) => (t: Int32Array, step: number) => (mask ? Uint8Array.from(t, (_, i) => (mask[(i + step) % mask.length] ? 1 : 0)) : undefined);

describe("ForwardSession = forward, bit for bit", () => {
  test.prop(
    [
      transformers.chain((model) => {
        const V = model.config.vocab.length;
        return fc.tuple(fc.constant(model), fc.array(fc.nat(V - 1), { minLength: 1, maxLength: 24 }), fc.array(edits(V), { maxLength: 6 }), fc.option(fc.array(fc.boolean(), { minLength: 1, maxLength: 7 })));
      }),
      indexModes,
    ],
    { numRuns: 300 },
  )("random models, random edits (unmask, remask, insert, delete): logits, control logits, margins, FLOPs, predictions", ([model, start, script, mask], index) => {
    const canvases: Int32Array[] = [Int32Array.from(start)];
    for (const e of script) canvases.push(apply(canvases.at(-1)!, e));
    checkAgainstDense(model, canvases, outputsFrom(mask), 1, index);
  });

  test.prop(
    [
      fc
        .record({
          config: configs.map((c) => ({ ...c, attention: { kind: "average-hard" as const } })),
          V: fc.integer({ min: 2, max: 48 }),
          seed: fc.integer(),
          directions: fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 48, maxLength: 48 }), { minLength: 1, maxLength: 3 }),
          rows: fc.array(fc.tuple(fc.nat(2), fc.integer({ min: -3, max: 3 })), { minLength: 6, maxLength: 6 }),
          bias: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 48, maxLength: 48 }),
        })
        .chain(({ config, V, seed, directions, rows, bias }) => {
          // Every row of the token head a multiple of one of a few directions, small biases: many ties.
          const d = config.dModel;
          const base = randomTransformer({ ...config, vocab: Array.from({ length: V }, (_, t) => `t${t}`) }, seed, 0.5);
          const tokenHead = new Float64Array(d * V);
          for (let c = 0; c < d; c++) for (let t = 0; t < V; t++) tokenHead[c * V + t] = rows[c % 6][1] * directions[rows[c % 6][0] % directions.length][t];
          const model: Transformer = { ...base, weights: { ...base.weights, tokenHead, tokenBias: Float64Array.from(bias.slice(0, V)) } };
          return fc.tuple(fc.constant(model), fc.array(fc.nat(V - 1), { minLength: 1, maxLength: 24 }), fc.array(edits(V), { maxLength: 4 }));
        }),
      indexModes,
    ],
    { numRuns: 200 },
  )("token heads of a few directions over many tokens (the token index): tied ids, margins, logits", ([model, start, script], index) => {
    const canvases: Int32Array[] = [Int32Array.from(start)];
    for (const e of script) canvases.push(apply(canvases.at(-1)!, e));
    checkAgainstDense(model, canvases, () => undefined, 1, index);
  });

  test.prop([arbitraryProgram, arbitraryTokens, fc.array(fc.tuple(fc.nat(63), fc.nat(7)), { minLength: 1, maxLength: 8 }), indexModes], { numRuns: 150 })(
    "compiled E-FASP programs over canvases edited one position at a time",
    (g, seq, changes, index) => {
      const model = compile(g.program).model;
      const V = g.recipe.V;
      const canvases: Int32Array[] = [Int32Array.from(seq, (t) => t % V)];
      for (const [at, token] of changes) {
        const next = Int32Array.from(canvases.at(-1)!);
        next[at % next.length] = token % V;
        canvases.push(next);
      }
      checkAgainstDense(model, canvases, () => undefined, 1, index);
    },
  );

  test.prop(
    [
      transformers.chain((model) => {
        const V = model.config.vocab.length;
        const step = fc.record({ append: fc.array(fc.nat(V - 1), { minLength: 1, maxLength: 3 }), set: fc.option(fc.tuple(fc.nat(40), fc.nat(V - 1))) });
        return fc.tuple(fc.constant({ ...model, config: { ...model.config, causal: true } }), fc.array(fc.nat(V - 1), { minLength: 1, maxLength: 12 }), fc.array(step, { minLength: 1, maxLength: 12 }), fc.boolean());
      }),
      indexModes,
    ],
    { numRuns: 200 },
  )("causal models grown at their end (the ARM): appended rows, an edit among the earlier ones, only the last position requested", ([model, start, script, lastOnly], index) => {
    const canvases: Int32Array[] = [Int32Array.from(start)];
    for (const { append, set } of script) {
      const next = [...canvases.at(-1)!, ...append];
      if (set) next[set[0] % next.length] = set[1];
      canvases.push(Int32Array.from(next));
    }
    const lengthFeature = model.config.positionFeatures.some((f) => f.kind === "length");
    const fullPasses = checkAgainstDense(model, canvases, (t) => (lastOnly ? Uint8Array.from(t, (_, i) => (i === t.length - 1 ? 1 : 0)) : undefined), 1, index);
    // Without a length feature only the first pass is full: every later one appends.
    expect(fullPasses).toBe(lengthFeature ? canvases.length : 1);
  });

  it("counts a full pass on the first call, on a length change and past the changed fraction, none otherwise", () => {
    const model = transformersSample();
    const a = Int32Array.from({ length: 16 }, (_, i) => i % 3);
    const b = Int32Array.from(a);
    b[3] = (b[3] + 1) % 3;
    const c = Int32Array.from(b).map((t, i) => (i < 8 ? (t + 1) % 3 : t));
    const d = c.subarray(0, 15);
    const session = new ForwardSession(model);
    expect([a, b, b, c, d].map((t) => session.run(t).meter.fullPasses)).toEqual([1, 0, 0, 1, 1]);
    // A causal model keeps its rows when the canvas grows at its end, unless a feature reads the length.
    const grown = [a, Int32Array.of(...a, 1), Int32Array.of(...a, 1, 2), a];
    const causal = (positionFeatures: Transformer["config"]["positionFeatures"]) =>
      new ForwardSession(randomTransformer({ ...model.config, causal: true, positionFeatures }, 3, 0.5));
    const plain = causal([{ kind: "one" }, { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }]);
    expect(grown.map((t) => plain.run(t).meter.fullPasses)).toEqual([1, 0, 0, 1]);
    const counting = causal([{ kind: "one" }, { kind: "length", power: 1 }]);
    expect(grown.map((t) => counting.run(t).meter.fullPasses)).toEqual([1, 1, 1, 1]);
  });
});

/**
 * d = 3: dim 0 = 1, dim 1 = the token's value, dim 2 the head's output. One head, score(i, j) = value_j and
 * value = value_j (every query averages the keys of the largest value), or the negated value (the smallest);
 * logits t·out, so ties in the head reach the logits.
 */
function tieModel(sign: 1 | -1): Transformer {
  return {
    config: { vocab: ["0", "1", "2", "3"], maskToken: 0, dModel: 3, positionFeatures: [{ kind: "one" }], layers: [{ heads: [{ dQK: 1, dV: 1 }], mlpHidden: 0 }], attention: { kind: "average-hard" }, causal: false, control: false },
    labels: ["one", "value", "out"],
    weights: {
      tokenEmbedding: Float64Array.from([0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0]),
      positionEmbedding: Float64Array.from([1, 0, 0]),
      layers: [{ heads: [{ wq: Float64Array.from([sign, 0, 0]), wk: Float64Array.from([0, 1, 0]), wv: Float64Array.from([0, 1, 0]), wo: Float64Array.from([0, 0, 1]) }], w1: new Float64Array(0), b1: new Float64Array(0), w2: new Float64Array(0), b2: new Float64Array(3) }],
      tokenHead: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]),
      tokenBias: new Float64Array(4),
      controlHead: null,
      controlBias: null,
    },
  };
}

describe("ForwardSession: exact ties", () => {
  const canvases = (rows: number[][]) => rows.map((r) => Int32Array.from(r));
  it.each([1, -1] as const)("all keys equal, a key that newly ties, two tied groups, a group emptied (sign %i): the dense pass's averages", (sign) => {
    const script = canvases([
      [1, 1, 1, 1, 1, 1, 1, 1], // all keys tie
      [1, 1, 2, 1, 1, 1, 1, 1], // one key above the rest (sign 1) / leaves the tie (sign −1)
      [1, 1, 2, 1, 1, 2, 1, 1], // a changed key that newly ties with the maximum
      [2, 2, 2, 2, 1, 1, 1, 1], // two groups
      [3, 2, 2, 2, 1, 1, 1, 3], // a new top group of two, the old top becomes the second level
      [1, 2, 2, 2, 1, 1, 1, 1], // the top group emptied: a rescan
      [2, 2, 2, 2, 2, 2, 2, 2], // every key moves to one new tie
    ]);
    for (const index of ["always", "never", "auto"] as const) expect(checkAgainstDense(tieModel(sign), script, () => undefined, 1, index)).toBe(1);
  });

  it.each([false, true])("a key that joins a tie, then changes only its value (causal %s): followed through the list of top-level holders", (causal) => {
    const script = canvases([
      [0, 0, 0, 1, 0, 0, 0, 0], // position 3's key is above the rest
      [0, 0, 0, 1, 0, 1, 0, 0], // position 5's key joins that top level
      [0, 0, 0, 1, 0, 2, 0, 0], // position 5 keeps its key, its value changes
      [0, 0, 0, 2, 0, 2, 3, 0], // position 3 likewise; position 6 rises above both
    ]);
    for (const index of ["always", "never", "auto"] as const) expect(checkAgainstDense(pairModel(causal), script, () => undefined, 1, index)).toBe(1);
  });

  test.prop([fc.constantFrom<1 | -1>(1, -1), fc.boolean(), fc.array(fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }), { minLength: 2, maxLength: 6 }), indexModes], { numRuns: 150 })(
    "two-dimensional scores over four tokens: many query groups, ties on both levels, followed through the query index",
    (sign, causal, rows, index) => {
      checkAgainstDense(curveModel(sign, causal), canvases(rows), () => undefined, 1, index);
    },
  );
});

/**
 * d = 4: one, key, value, out. Tokens 0 … 3 have keys 0, 1, 1, 2 and values 0, 1, 2, 3, so tokens 1 and 2
 * share a key: a position switching between them changes only its value. Every query averages the values
 * of the largest keys (causal: of its prefix).
 */
function pairModel(causal: boolean): Transformer {
  const base = tieModel(1);
  return {
    ...base,
    config: { ...base.config, dModel: 4, causal },
    labels: ["one", "key", "value", "out"],
    weights: {
      ...base.weights,
      tokenEmbedding: Float64Array.from([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 2, 0, 0, 2, 3, 0]),
      positionEmbedding: Float64Array.from([1, 0, 0, 0]),
      layers: [{ heads: [{ wq: Float64Array.from([1, 0, 0, 0]), wk: Float64Array.from([0, 1, 0, 0]), wv: Float64Array.from([0, 0, 1, 0]), wo: Float64Array.from([0, 0, 0, 1]) }], w1: new Float64Array(0), b1: new Float64Array(0), w2: new Float64Array(0), b2: new Float64Array(4) }],
      tokenHead: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]),
    },
  };
}

/**
 * tieModel with a two-dimensional score: q_i = (sign, value_i), k_j = (value_j, −value_j²), so a query's
 * best keys depend on its own value (four query groups; one per position when causal) and the four token
 * values tie often on the top and the second level.
 */
function curveModel(sign: 1 | -1, causal: boolean): Transformer {
  const base = tieModel(sign);
  return {
    ...base,
    config: { ...base.config, dModel: 4, causal, layers: [{ heads: [{ dQK: 2, dV: 1 }], mlpHidden: 0 }] },
    labels: ["one", "value", "square", "out"],
    weights: {
      ...base.weights,
      tokenEmbedding: Float64Array.from([0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 4, 0, 0, 3, 9, 0]),
      positionEmbedding: Float64Array.from([1, 0, 0, 0]),
      layers: [{ heads: [{ wq: Float64Array.from([sign, 0, 0, 1, 0, 0, 0, 0]), wk: Float64Array.from([0, 0, 1, 0, 0, -1, 0, 0]), wv: Float64Array.from([0, 1, 0, 0]), wo: Float64Array.from([0, 0, 0, 1]) }], w1: new Float64Array(0), b1: new Float64Array(0), w2: new Float64Array(0), b2: new Float64Array(4) }],
      tokenHead: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3]),
    },
  };
}

describe("a non-finite value stops every engine with NonFiniteError", () => {
  // Token 3's value is 1e200 and the key map multiplies it by 1e200: that key overflows to ∞ (position 2).
  const model = tieModel(1);
  const overflowing: Transformer = { ...model, weights: { ...model.weights, tokenEmbedding: Float64Array.from([0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 1e200, 0]), layers: [{ ...model.weights.layers[0], heads: [{ ...model.weights.layers[0].heads[0], wk: Float64Array.from([0, 1e200, 0]) }] }] } };
  it.each(FORWARD_ENGINES)("%s: kind model/non-finite, naming layer, head and position", (engine) => {
    const predictor = weightsPredictor(overflowing, engine);
    predictor.predict(Int32Array.from([1, 2, 1, 2]));
    expect(() => predictor.predict(Int32Array.from([1, 2, 3, 2]))).toThrow(expect.objectContaining({ name: "NonFiniteError", code: "model/non-finite", message: "layer 0 head 0, position 2: the key is Infinity (a forward pass must stay finite)" }));
  });

  it.each(FORWARD_ENGINES)("%s: a pass that threw leaves nothing stale behind (the next canvas decodes as on a fresh session)", (engine) => {
    // Causal, so each position is its own query group; token 3's key is 1e200 and every query 1e200: the
    // score overflows while the groups follow that key, after some have and before others.
    const scoring: Transformer = { ...model, config: { ...model.config, causal: true }, weights: { ...model.weights, tokenEmbedding: Float64Array.from([0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 1e200, 0]), layers: [{ ...model.weights.layers[0], heads: [{ ...model.weights.layers[0].heads[0], wq: Float64Array.from([1e200, 0, 0]) }] }] } };
    const predictor = weightsPredictor(scoring, engine);
    predictor.predict(Int32Array.from([1, 2, 1, 2, 1]));
    expect(() => predictor.predict(Int32Array.from([1, 2, 3, 2, 1]))).toThrow(expect.objectContaining({ code: "model/non-finite" }));
    const next = Int32Array.from([1, 2, 2, 2, 1]);
    expect(decisions(predictor.predict(next), 5)).toEqual(decisions(weightsPredictor(scoring, engine).predict(next), 5));
  });
});

function transformersSample(): Transformer {
  return fc.sample(transformers.filter((m) => m.config.vocab.length >= 3), { seed: 7, numRuns: 1 })[0];
}
