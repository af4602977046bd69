import { describe, expect, it } from "vitest";
import { decodeMdm } from "../../src/mdm/decodeMdm.js";
import { decodeOnePerStep } from "../../src/mdm/decodeOnePerStep.js";
import { evaluatorPredictor } from "../../src/mdm/evaluatorPredictor.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { toMaskedArm, type UnmaskOrder } from "../../src/mdm/thm3/toMaskedArm.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";

/** One processor adds 3 to x0 and x1 in turn: a Theorem 1 canvas small enough to decode token by token. */
const instance: PramInstance = {
  name: "add3", n: 2, processors: 1, memory: 2, wordBits: 6, registers: 1, outputStart: 0, outputLength: 2, stepBound: 4, mode: "EREW",
  inputMin: 0, inputMax: 9, lines: [1, 2, 3, 4],
  code: [
    { op: "LOAD", dst: 0, base: { kind: "imm", value: 1 }, index: null, offset: 0 },
    { op: "ALU", alu: "ADD", dst: 0, a: { kind: "reg", index: 0 }, b: { kind: "imm", value: 3 } },
    { op: "STORE", src: { kind: "reg", index: 0 }, base: { kind: "imm", value: 1 }, index: null, offset: 0 },
    { op: "HALT" },
  ],
};

describe("Theorem 3: a Masked-ARM reproduces an any-order one-token-per-step MDM decode", () => {
  const c = constructMdm(instance);
  const program = c.program(false);
  const canvas = new Int32Array(c.layout.length).fill(c.vocab.mask);
  canvas.set([c.vocab.bos, c.vocab.value(4), c.vocab.value(7)]);
  const parallel = decodeMdm(evaluatorPredictor(program), canvas, "mdm", { maxSteps: 10 });

  it.each(["left-to-right", "right-to-left", "bit-reversed"] as UnmaskOrder[])("order %s", (order) => {
    const arm = toMaskedArm(program, c.layout.length, order, c.vocab.bos);
    const anyOrder = decodeOnePerStep(evaluatorPredictor(program), canvas, arm.priority, { maxSteps: 1000 });
    // The one-per-step decode lands on the parallel decode's canvas (Theorem 1's canvas has one fixed point) …
    expect(Array.from(anyOrder.canvas)).toEqual(Array.from(parallel.canvas));
    // … and the Masked-ARM, unmasking its leftmost mask each step, logs exactly that decode.
    const initial = arm.initial(canvas);
    const masks = canvas.filter((t) => t === c.vocab.mask).length;
    expect(initial.length).toBe(c.layout.length + 2 * masks);
    const r = decodeMdm(evaluatorPredictor(arm.program), initial, "masked-arm", { maxSteps: 10 * initial.length });
    expect(Array.from(arm.replay(r.canvas))).toEqual(Array.from(anyOrder.canvas));
    expect(r.steps).toBe(2 * anyOrder.steps);
  });
});
