import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryCircuit } from "../../src/circuit/arbitraryCircuit.js";
import { buildCircuit } from "../../src/circuit/buildCircuit.js";
import { CircuitError } from "../../src/circuit/CircuitError.js";
import { circuitShape } from "../../src/circuit/circuitShape.js";
import { evaluateCircuit } from "../../src/circuit/evaluateCircuit.js";
import { formatCircuit } from "../../src/circuit/formatCircuit.js";
import { parseCircuit } from "../../src/circuit/parseCircuit.js";

const FULL_ADDER = `# a full adder of three random bits
s = XOR t c      # defined before t: any order
t = XOR a b
a = RAND
b = RAND
c = RAND
carry = MAJ a b c
one = 1
output carry s
output one
`;

describe("the .circuit format", () => {
  test("a golden circuit: gates by depth then definition order, outputs, measures and values", () => {
    const c = parseCircuit(FULL_ADDER, "adder.circuit");
    expect(c.gates.map((g) => `${g.name}=${g.op}`)).toEqual(["a=RAND", "b=RAND", "c=RAND", "one=ONE", "t=XOR", "carry=MAJ", "s=XOR"]);
    expect(c.outputs.map((o) => c.gates[o].name)).toEqual(["carry", "s", "one"]);
    expect(c.gates[6].at).toEqual({ file: "adder.circuit", line: 2, col: 1 });
    const { gateDepth, ...m } = circuitShape(c);
    expect(gateDepth).toEqual([0, 0, 0, 0, 1, 1, 2]);
    // Layers {a,b,c,one}, {t,carry}, {s}; c is carried across layer 1, so that leveled layer has 3.
    expect(m).toEqual({ size: 7, depth: 2, width: 4, leveledWidth: 4, randomBits: 3, outputs: 3 });
    for (let x = 0; x < 8; x++) {
      const bits = [x & 1, (x >> 1) & 1, (x >> 2) & 1];
      const sum = bits[0] + bits[1] + bits[2];
      expect(evaluateCircuit(c, bits)).toEqual([sum >> 1, sum & 1, 1]);
    }
  });

  test("the TS builder makes the circuit the parser reads", () => {
    const b = buildCircuit("adder.circuit");
    const [a, x, y] = [b.rand("a"), b.rand("b"), b.rand("c")];
    const t = b.xor(a, x, "t");
    const carry = b.maj(a, x, y, "carry");
    const s = b.xor(t, y, "s");
    const built = b.finish([carry, s, b.constant(1, "one")]);
    const parsed = parseCircuit(FULL_ADDER, "adder.circuit");
    const strip = (c: typeof built) => c.gates.map(({ at: _, ...g }) => g);
    expect(strip(built)).toEqual(strip(parsed));
    expect(built.outputs).toEqual(parsed.outputs);
  });

  test.prop([arbitraryCircuit()])("formatCircuit then parseCircuit gives the same circuit (generated circuits)", (c) => {
    const back = parseCircuit(formatCircuit(c), "generated");
    expect(back.gates.map(({ at: _, ...g }) => g)).toEqual(c.gates.map(({ at: _, ...g }) => g));
    expect(back.outputs).toEqual(c.outputs);
  });

  test.prop([arbitraryCircuit()])("depth, width and leveled width agree with their definitions (generated circuits)", (c) => {
    const m = circuitShape(c);
    c.gates.forEach((g, i) => expect(m.gateDepth[i]).toBe(g.inputs.length === 0 ? 0 : 1 + Math.max(...g.inputs.map((j) => m.gateDepth[j]))));
    const layer = (r: number) => m.gateDepth.filter((d) => d === r).length;
    expect(m.width).toBe(Math.max(...Array.from({ length: m.depth + 1 }, (_, r) => layer(r))));
    const alive = (r: number) =>
      c.gates.filter((_, i) => m.gateDepth[i] === r || (m.gateDepth[i] < r && c.gates.some((h, j) => h.inputs.includes(i) && m.gateDepth[j] > r))).length;
    expect(m.leveledWidth).toBe(Math.max(...Array.from({ length: m.depth + 1 }, (_, r) => alive(r))));
  });

  const bad: [string, string, string][] = [
    ["cycle", "a = AND b c\nb = NOT a\nc = RAND\noutput a\n", "f.circuit:1:1: the gates a → b → a form a cycle"],
    ["undefined", "a = RAND\nb = AND a zz\noutput b\n", "f.circuit:2:11: gate 'b' reads 'zz', which is not defined"],
    ["undefined", "a = RAND\noutput a q\n", "f.circuit:2:10: output 'q' is not a gate"],
    ["duplicate", "a = RAND\na = RAND\noutput a\n", "f.circuit:2:1: gate 'a' is defined twice (first defined on line 1)"],
    ["arity", "a = RAND\nb = AND a\noutput b\n", "f.circuit:2:1: AND takes 2 inputs, gate 'b' has 1"],
    ["arity", "a = RAND x\noutput a\n", "f.circuit:1:1: RAND takes 0 inputs, gate 'a' has 1"],
    ["no-outputs", "a = RAND\n", "f.circuit:1:1: the circuit has no outputs (add a line 'output NAME …')"],
    ["unknown-op", "a = NAND b c\noutput a\n", "f.circuit:1:5: unknown gate 'NAND' (RAND, ZERO, ONE, NOT, AND, OR, XOR, MAJ, 0, 1)"],
    ["syntax", "a RAND\n", "f.circuit:1:3: expected 'NAME = OP INPUTS…' or 'output NAMES…'"],
    ["syntax", "a =\n", "f.circuit:1:3: gate 'a' has no operation after '='"],
    ["syntax", "2x = RAND\noutput 2x\n", "f.circuit:1:1: '2x' is not a gate name (a letter or _, then letters, digits, _)"],
    ["syntax", "output\n", "f.circuit:1:1: 'output' needs at least one gate name"],
  ];
  test.each(bad)("a bad circuit (%s) is one CircuitError naming file:line:col", (kind, text, message) => {
    const e = (() => {
      try {
        parseCircuit(text, "f.circuit");
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(CircuitError);
    expect((e as CircuitError).kind).toBe(kind);
    expect((e as CircuitError).message).toBe(message);
  });
});
