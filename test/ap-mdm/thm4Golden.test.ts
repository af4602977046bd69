import { expect, it } from "vitest";
import { evaluate } from "../../src/efasp/evaluate.js";
import { constructApMdm } from "../../src/ap-mdm/thm4/constructApMdm.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";

/** Minimal AP-MDM loop (design.md's g) until decodeApMdm lands. */
function decode(program: ReturnType<typeof constructApMdm>["program"], initial: Int32Array, cap: number) {
  let x = Array.from(initial);
  const canvases = [x];
  let peak = x.length;
  for (let s = 0; s < cap; s++) {
    const r = evaluate(program, x);
    const [rm, ins, del] = r.control!;
    const y: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (!(del[i] && x[i] === 0)) y.push(rm[i] ? 0 : x[i] === 0 ? r.prediction[i] : x[i]);
      if (ins[i] && !(del[i] && x[i] === 0)) y.push(0);
    }
    peak = Math.max(peak, y.length);
    const same = y.length === x.length && y.every((t, i) => t === x[i]);
    x = y;
    canvases.push(x);
    if (same && !x.includes(0)) return { canvas: x, steps: s + 1, canvases, peak };
  }
  throw new Error("cap");
}

const inc: PramInstance = {
  name: "inc", n: 2, processors: 2, memory: 2, wordBits: 6, registers: 2, outputStart: 0, outputLength: 2, stepBound: 5, mode: "EREW",
  inputMin: 0, inputMax: 9,
  code: [
    { op: "LOAD", dst: 0, base: { kind: "pid" }, offset: 0 },
    { op: "ALU", alu: "ADD", dst: 0, a: { kind: "reg", index: 0 }, b: { kind: "imm", value: 3 } },
    { op: "STORE", src: { kind: "reg", index: 0 }, base: { kind: "pid" }, offset: 0 },
    { op: "HALT" },
  ],
  lines: [1, 2, 3, 4],
};

it("golden: increment", () => {
  const c = constructApMdm(inc);
  const t0 = Date.now();
  const r = decode(c.program, c.initial([4, 7]), 40);
  console.log("ms", Date.now() - t0, "steps", r.steps, "peak", r.peak, "S", c.layout.S);
  for (const cv of r.canvases) console.log(cv.map((t, i) => `${c.layout.describe(i)}=${c.vocab.names[t]}`).join(" | "));
  expect(r.canvas.map((t) => c.vocab.names[t])).toEqual(["7", "10"]);
});
