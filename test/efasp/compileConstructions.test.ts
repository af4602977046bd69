import { describe, expect, it } from "vitest";
import { decodeApMdm } from "../../src/ap-mdm/decodeApMdm.js";
import { constructApMdm } from "../../src/ap-mdm/thm4/constructApMdm.js";
import { compile } from "../../src/efasp/compile.js";
import { decodeMdm } from "../../src/mdm/decodeMdm.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { weightsPredictor } from "../../src/mdm/weightsPredictor.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { forward } from "../../src/transformer/forward.js";
import { firstDisagreement } from "./agreement.js";
import { increment } from "../mdm/incrementInstance.js";

describe("the compiled constructions compute every feature exactly", () => {
  it("Theorem 1: on every canvas of the decode, feature by feature, and dense = sparse", () => {
    const c = constructMdm(increment);
    const program = c.program(false);
    const compiled = compile(program);
    const canvas = new Int32Array(c.layout.length).fill(c.vocab.mask);
    canvas.set([c.vocab.bos, c.vocab.value(4), c.vocab.value(7)]);
    const decode = decodeMdm(evaluatorPredictor(program), canvas, "mdm", { maxSteps: 10, trace: true });
    for (const tokens of decode.canvases!) {
      expect(firstDisagreement(program, Array.from(tokens), compiled)).toBeNull();
      const sparse = forward(compiled.model, tokens);
      const dense = forward(compiled.model, tokens, { dense: true });
      expect(Array.from(sparse.tokenLogits)).toEqual(Array.from(dense.tokenLogits));
    }
  });

  it("Theorem 1 and Theorem 4: decoding over the weights writes the evaluator's canvases, step by step", () => {
    const c = constructMdm(increment);
    const program = c.program(false);
    const canvas = new Int32Array(c.layout.length).fill(c.vocab.mask);
    canvas.set([c.vocab.bos, c.vocab.value(5), c.vocab.value(2)]);
    const mdm = (p: Parameters<typeof decodeMdm>[0]) => decodeMdm(p, canvas, "mdm", { maxSteps: 10, trace: true }).canvases!.map((x) => Array.from(x));
    const want = mdm(evaluatorPredictor(program));
    expect(want.length).toBeGreaterThan(3);
    expect(mdm(weightsPredictor(compile(program).model))).toEqual(want);
    const a = constructApMdm(increment);
    const ap = (p: Parameters<typeof decodeApMdm>[0]) => decodeApMdm(p, a.initial([5, 2]), { maxSteps: 40, trace: true }).trace!.canvases.map((x) => Array.from(x));
    expect(ap(weightsPredictor(compile(a.program).model))).toEqual(ap(evaluatorPredictor(a.program)));
  });

  it("Theorem 1 with causal attention (the ARM's model), on the final canvas's prefixes", () => {
    const c = constructMdm(increment);
    const program = c.program(true);
    const compiled = compile(program);
    const canvas = new Int32Array(c.layout.length).fill(c.vocab.mask);
    canvas.set([c.vocab.bos, c.vocab.value(4), c.vocab.value(7)]);
    const final = decodeMdm(evaluatorPredictor(c.program(false)), canvas, "mdm", { maxSteps: 10 }).canvas;
    for (const k of [3, 10, 20, final.length]) expect(firstDisagreement(program, Array.from(final.subarray(0, k)), compiled)).toBeNull();
  });

  it("Theorem 4: on every canvas of the AP-MDM decode, control bits included", () => {
    const c = constructApMdm(increment);
    const compiled = compile(c.program);
    const decode = decodeApMdm(evaluatorPredictor(c.program), c.initial([4, 7]), { maxSteps: 40, trace: true });
    for (const tokens of decode.trace!.canvases) expect(firstDisagreement(c.program, Array.from(tokens), compiled)).toBeNull();
  });
});
