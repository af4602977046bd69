import { describe, expect, it } from "vitest";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { buildProgram, type HeaderSpec } from "../../src/pram/programBuilder.js";
import { runPram } from "../../src/pram/runPram.js";

const header: HeaderSpec = {
  processors: "n",
  memory: "2*n",
  word: "log2(n)+5",
  registers: 3,
  input: [0, 15],
  output: ["n", "n"],
  steps: "7*max(1, log2(n))+5",
  mode: "EREW",
};

/** programs/prefix-sums.pram, written with the builder. */
const prefixSums = buildProgram("prefix-sums", header, [
  { op: "LOAD", dst: "r0", base: "pid" },
  { op: "STORE", src: 0, base: "pid" },
  { op: "STORE", src: "r0", base: "pid", offset: "n" },
  { op: "LI", dst: "r1", value: 1 },
  { label: "round" },
  { op: "SUB", dst: "r2", a: "pid", b: "r1" },
  { op: "LOAD", dst: "r2", base: "r2", offset: "n" },
  { op: "ADD", dst: "r0", a: "r0", b: "r2" },
  { op: "STORE", src: "r0", base: "pid", offset: "n" },
  { op: "SHL", dst: "r1", src: "r1", amount: 1 },
  { op: "LT", dst: "r2", a: "r1", b: "n" },
  { op: "JNZ", cond: "r2", target: "round" },
  { op: "HALT" },
]);

describe("buildProgram", () => {
  it("builds the same program object the parser reads from the .pram file", () => {
    const parsed = loadProgram("prefix-sums");
    expect(prefixSums).toEqual({ ...parsed, expects: [], source: null });
  });

  it("runs like the parsed program", () => {
    const run = runPram(instantiate(prefixSums, 4), [3, 1, 4, 1]);
    expect(run.output).toEqual([3, 4, 8, 9]);
    expect(run.meters).toMatchObject({ T: 19, P: 4, W: 76 });
  });

  it("raises the parser's errors: bad register, unknown and duplicate labels, malformed expressions", () => {
    const kind = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { detail: { kind: string } }).detail.kind;
      }
      return "no error";
    };
    expect(kind(() => buildProgram("p", header, [{ op: "LI", dst: "r3", value: 1 }]))).toBe("bad-register");
    expect(kind(() => buildProgram("p", header, [{ op: "JMP", target: "nowhere" }]))).toBe("unknown-label");
    expect(kind(() => buildProgram("p", header, [{ label: "a" }, { label: "a" }, { op: "HALT" }]))).toBe("duplicate-label");
    expect(kind(() => buildProgram("p", { ...header, steps: "7 *" }, [{ op: "HALT" }]))).toBe("syntax");
    expect(kind(() => buildProgram("p", header, [{ op: "HALT" }, { label: "end" }]))).toBe("syntax");
    expect(kind(() => buildProgram("p", header, [{ label: "end" }, { op: "HALT" }]))).toBe("no error");
  });
});
