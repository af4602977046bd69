import type { PramInstance } from "../../src/pram/pramInstance.js";

/** Two processors load their cell, add 3 and store it back: every kind of step, small enough to check everywhere. */
export const increment: PramInstance = {
  name: "inc", n: 2, processors: 2, memory: 2, wordBits: 6, registers: 1, outputStart: 0, outputLength: 2, stepBound: 4, mode: "EREW",
  inputMin: 0, inputMax: 9, lines: [1, 2, 3, 4],
  code: [
    { op: "LOAD", dst: 0, base: { kind: "pid" }, index: null, offset: 0 },
    { op: "ALU", alu: "ADD", dst: 0, a: { kind: "reg", index: 0 }, b: { kind: "imm", value: 3 } },
    { op: "STORE", src: { kind: "reg", index: 0 }, base: { kind: "pid" }, index: null, offset: 0 },
    { op: "HALT" },
  ],
};
