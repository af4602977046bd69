import { describe, expect, it } from "vitest";
import { attend, bonus } from "../../src/efasp/attend.js";
import { compile } from "../../src/efasp/compile.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import { measure, PRECISION, UNDERFLOW } from "../../src/efasp/measure.js";
import { token } from "../../src/efasp/sources.js";
import { decodeMdm } from "../../src/mdm/decodeMdm.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";
import { forward } from "../../src/transformer/forward.js";
import type { Transformer } from "../../src/transformer/transformerWeights.js";

const x = token("x", [0, 1]);
const softmax = (m: Transformer, beta: number): Transformer => ({ ...m, config: { ...m.config, attention: { kind: "softmax", beta } } });
const argmaxes = (m: Transformer, tokens: Int32Array) => {
  const r = forward(m, tokens);
  const V = m.config.vocab.length;
  return Array.from(tokens, (_, i) => {
    const row = Array.from(r.tokenLogits.subarray(i * V, (i + 1) * V));
    return row.indexOf(Math.max(...row));
  });
};

describe("measure", () => {
  it("a max head over one 1 among n − 1 zeros: softmax decodes iff e^β > n − 1, found within 2^(1/16)", () => {
    // Every query averages x over the keys with the largest x: exactly 1. Under softmax the mean is
    // e^β / (e^β + n − 1), and the code output 1 beats 0 iff that mean exceeds 1/2: β > ln(n − 1).
    const [best] = attend("max", [bonus(1, x)], [x]);
    const program: EfaspProgram = { name: "max", vocab: ["0", "1"], maskToken: 0, output: { kind: "code", feature: best }, control: null, causal: false };
    const compiled = compile(program);
    const tokens = Int32Array.from([0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const m = measure(compiled, [tokens]);
    expect(m.minAttentionMargin).toBe(1);
    expect(m.minLogitMargin).toBe(1);
    expect(m.betaExact).toBe(UNDERFLOW);
    expect(m.betaDecode).toBeGreaterThan(Math.log(8));
    expect(m.betaDecode).toBeLessThanOrEqual(Math.log(8) * PRECISION);
    expect(argmaxes(softmax(compiled.model, m.betaDecode), tokens)).toEqual(Array(9).fill(1));
    expect(argmaxes(softmax(compiled.model, Math.log(8) * 0.99), tokens)).toEqual(Array(9).fill(0));
    // Over several inputs β must serve the hardest: 16 zeros beside the 1 need β > ln 16. The search
    // bisects on the last input (ln 8), then raises β for the first.
    const longer = Int32Array.from({ length: 17 }, (_, i) => (i === 5 ? 1 : 0));
    const both = measure(compiled, [longer, tokens]);
    expect(both.betaDecode).toBeGreaterThan(Math.log(16));
    expect(both.betaDecode).toBeLessThanOrEqual(Math.log(16) * PRECISION);
  });

  it("every key tied: margin Infinity and β = 0 (softmax at 0 averages all keys, as average-hard does)", () => {
    const [mean] = attend("all", [bonus(0, x)], [x]);
    const program: EfaspProgram = { name: "tie", vocab: ["0", "1"], maskToken: 0, output: { kind: "code", feature: mean }, control: null, causal: false };
    const m = measure(compile(program), [Int32Array.from([1, 1, 1])]);
    expect(m).toEqual({ minAttentionMargin: Infinity, minLogitMargin: 1, betaExact: 0, betaDecode: 0 });
  });

  it("the Theorem 1 model over every canvas of a decode: margins ≥ 1, and both βs reproduce the hard decisions", () => {
    const increment: PramInstance = {
      name: "inc", n: 2, processors: 2, memory: 2, wordBits: 6, registers: 1, outputStart: 0, outputLength: 2, stepBound: 4, mode: "EREW",
      inputMin: 0, inputMax: 9, lines: [1, 2, 3],
      code: [
        { op: "LOAD", dst: 0, base: { kind: "pid" }, index: null, offset: 0 },
        { op: "ALU", alu: "ADD", dst: 0, a: { kind: "reg", index: 0 }, b: { kind: "imm", value: 3 } },
        { op: "STORE", src: { kind: "reg", index: 0 }, base: { kind: "pid" }, index: null, offset: 0 },
        { op: "HALT" },
      ],
    };
    const c = constructMdm(increment);
    const compiled = compile(c.program(false));
    const canvas = new Int32Array(c.layout.length).fill(c.vocab.mask);
    canvas.set([c.vocab.bos, c.vocab.value(4), c.vocab.value(7)]);
    const canvases = decodeMdm(evaluatorPredictor(c.program(false)), canvas, "mdm", { maxSteps: 10, trace: true }).canvases!;
    const m = measure(compiled, canvases);
    expect(m.minAttentionMargin).toBeGreaterThanOrEqual(1);
    expect(m.minLogitMargin).toBeGreaterThanOrEqual(1);
    expect(m.betaExact).toBe(UNDERFLOW / m.minAttentionMargin);
    expect(m.betaDecode).toBeLessThanOrEqual(m.betaExact);
    for (const tokens of canvases) expect(argmaxes(softmax(compiled.model, m.betaDecode), tokens)).toEqual(argmaxes(compiled.model, tokens));
  });
});
