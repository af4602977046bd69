import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { randomDenseModel } from "../../src/bench/forwardBench.js";
import { compile } from "../../src/efasp/compile.js";
import { compileThm2, wordBitsFor } from "../../src/thm2/compileThm2.js";
import { runThm2 } from "../../src/thm2/runThm2.js";
import { Thm2Error } from "../../src/thm2/Thm2Error.js";
import { arbitraryProgram } from "../../src/efasp/arbitraryProgram.js";
import { transformers } from "../transformer/arbitraryTransformer.js";
import { averagePositionModel } from "./tinyModels.js";

/** A short canvas over the model's vocabulary, each position masked or not. */
const canvases = fc.array(fc.tuple(fc.nat(7), fc.boolean()), { minLength: 1, maxLength: 8 });

describe("Theorem 2: the PRAM(1) program decodes as the weights do", () => {
  const seen = { done: 0, stuck: 0, divisions: 0 };
  test.prop([arbitraryProgram, canvases], { numRuns: 100 })("generated E-FASP programs compiled to weights, random short canvases", (g, cells) => {
    const { model } = compile(g.program);
    const canvas = Int32Array.from(cells, ([t, masked]) => (masked ? model.config.maskToken : t % g.recipe.V));
    const program = compileThm2(model, canvas);
    const run = runThm2(program, model, canvas);
    expect(run.pram.canvas).toEqual(run.model.canvas);
    expect(run.pram.end).toBe(run.model.end);
    expect(run.pram.steps).toBe(run.model.steps);
    expect(run.pram.divisions).toBe(program.meter.divisions);
    expect(run.pram.meters.T).toBeLessThanOrEqual(program.stepBound);
    seen[run.pram.end] += 1;
    seen.divisions += run.pram.divisions;
  });
  let divided = 0;
  test.prop([arbitraryProgram, canvases], { numRuns: 25 })("with the ISA's DIV: the same decode and divisions as long division, never more steps", (g, cells) => {
    const { model } = compile(g.program);
    const canvas = Int32Array.from(cells, ([t, masked]) => (masked ? model.config.maskToken : t % g.recipe.V));
    const long = compileThm2(model, canvas, "long");
    const div = compileThm2(model, canvas, "div");
    const a = runThm2(long, model, canvas);
    const b = runThm2(div, model, canvas);
    expect(b.equal).toBe(true);
    expect(b.pram.canvas).toEqual(a.pram.canvas);
    expect(b.pram.divisions).toBe(a.pram.divisions);
    expect(b.pram.meters.T).toBeLessThanOrEqual(div.stepBound);
    expect(b.pram.meters.T).toBeLessThanOrEqual(a.pram.meters.T);
    expect(div.stepBound).toBeLessThanOrEqual(long.stepBound);
    if (b.pram.divisions > 0) {
      divided += 1;
      expect(b.pram.meters.T).toBeLessThan(a.pram.meters.T);
    }
  });
  it("the DIV cases divided", () => expect(divided).toBeGreaterThan(0));

  it("the generated cases reached both ends and divided by tie counts", () => {
    expect(seen.done).toBeGreaterThan(0);
    expect(seen.stuck).toBeGreaterThan(0);
    expect(seen.divisions).toBeGreaterThan(0);
  });

  const outcomes = new Map<string, number>();
  test.prop([transformers, canvases], { numRuns: 150 })("random small models of any shape: equal decodes, or a one-line rejection", (model, cells) => {
    const V = model.config.vocab.length;
    const canvas = Int32Array.from(cells, ([t, masked]) => (masked ? model.config.maskToken : t % V));
    let program;
    try {
      program = compileThm2(model, canvas);
    } catch (e) {
      expect(e).toBeInstanceOf(Thm2Error);
      expect((e as Error).message).not.toContain("\n");
      const kind = (e as Thm2Error).kind;
      if (kind === "attention") expect(model.config.attention.kind).toBe("softmax");
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      return;
    }
    const run = runThm2(program, model, canvas);
    expect(run.pram.canvas).toEqual(run.model.canvas);
    expect(run.pram.end).toBe(run.model.end);
    expect(run.pram.steps).toBe(run.model.steps);
    outcomes.set("equal", (outcomes.get("equal") ?? 0) + 1);
  });
  it("the random models were run, and rejected for softmax and for tie averages", () => {
    for (const kind of ["equal", "attention", "not-integer"]) expect(outcomes.get(kind)).toBeGreaterThan(0);
  });

  test.prop([fc.constantFrom(1 as const, -1 as const), canvases], { numRuns: 60 })("tie averages of either sign: exact, or rejected naming the head", (sign, cells) => {
    const model = averagePositionModel(sign);
    const canvas = Int32Array.from(cells, ([t, masked]) => (masked ? 0 : t));
    let program;
    try {
      program = compileThm2(model, canvas);
    } catch (e) {
      expect(e).toBeInstanceOf(Thm2Error);
      expect((e as Thm2Error).message).toMatch(/^pass \d+, layer 0 head 0, query \d+, value column 0: the average of \d+ tied keys is -?\d+\/\d+, not an integer$/);
      return;
    }
    const run = runThm2(program, model, canvas);
    expect(run.pram.canvas).toEqual(run.model.canvas);
    expect(run.pram.end).toBe(run.model.end);
  });

  it("golden: keys 0 and 2 tie, so position 1 takes t1 after one division per query", () => {
    const model = averagePositionModel(1);
    const canvas = Int32Array.from([2, 0, 2, 1]);
    const program = compileThm2(model, canvas);
    const run = runThm2(program, model, canvas);
    expect(run.pram).toMatchObject({ end: "done", canvas: [2, 1, 2, 1], steps: 1, divisions: 4 });
    expect(run.model.canvas).toEqual([2, 1, 2, 1]);
  });
});

describe("Theorem 2: models the program cannot run exactly are rejected in one line", () => {
  const reject = (model: Parameters<typeof compileThm2>[0], canvas: number[]) => {
    try {
      compileThm2(model, Int32Array.from(canvas));
    } catch (e) {
      expect(e).toBeInstanceOf(Thm2Error);
      expect((e as Error).message).not.toContain("\n");
      return e as Thm2Error;
    }
    throw new Error("not rejected");
  };

  it("the random dense benchmark model: its values pass 32 bits", () => {
    const e = reject(randomDenseModel(), [0, 1, 2, 3]);
    expect(e.code).toBe("thm2/word-size");
    expect(e.message).toMatch(/^pass 1, layer \d+ head \d: a value or partial sum reaches \d+, beyond the PRAM's 32-bit words \(at most 2\^31 − 1\)$/);
  });

  it("a non-integer weight, named by tensor and entry", () => {
    const model = averagePositionModel(1);
    model.weights.layers[0].heads[0].wo[3] = 0.5;
    expect(reject(model, [0]).message).toBe("weight layers.0.heads.0.wo[3] = 0.5 is not an integer (Theorem 2's program computes in integer words)");
  });

  it("a tie average that is not an integer", () => {
    const e = reject(averagePositionModel(-1), [3, 3, 0]);
    expect(e.code).toBe("thm2/not-integer");
    expect(e.message).toBe("pass 1, layer 0 head 0, query 0, value column 0: the average of 2 tied keys is -1/2, not an integer");
  });

  it("softmax attention", () => {
    const model = averagePositionModel(1);
    const softmax = { ...model, config: { ...model.config, attention: { kind: "softmax" as const, beta: 4 } } };
    expect(reject(softmax, [0]).message).toBe("the model's attention is softmax (β = 4); Theorem 2's program needs average-hard attention");
  });

  it("a canvas token outside the vocabulary, and an empty canvas", () => {
    expect(reject(averagePositionModel(1), [1, 8]).message).toBe("canvas position 1: token 8 is outside the vocabulary of 8");
    expect(reject(averagePositionModel(1), []).message).toBe("the canvas is empty");
  });
});

test.prop([fc.nat({ max: 2 ** 40 })])("wordBitsFor(m) is the least w ≥ 2 with m < 2^(w−1)", (m) => {
  const w = wordBitsFor(m);
  expect(m).toBeLessThan(2 ** (w - 1));
  expect(w === 2 || m >= 2 ** (w - 2)).toBe(true);
});
