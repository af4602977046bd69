import { describe, expect, it } from "vitest";
import { ADD, type AsmLine, at, HALT, JNZ, label, LOAD, pid, r, STORE } from "../../src/pram/asm.js";
import { buildProgram } from "../../src/pram/buildProgram.js";
import { CONFLICT_MODES, type ConflictMode } from "../../src/pram/conflictMode.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { PramError } from "../../src/pram/pramError.js";
import { runPram } from "../../src/pram/runPram.js";

/** A 2-cell machine with `processors` processors running `code` in `mode` on the input [4, 0]; its whole memory is the output. */
function run(mode: ConflictMode, processors: number, code: AsmLine[]) {
  const program = buildProgram({
    name: "conflicts",
    header: { processors, memory: 2, word: 8, registers: 1, input: [0, 9], output: [0, 2], steps: 4, mode, valid: "n == 2" },
    code,
  });
  try {
    const { output, meters } = runPram(instantiate(program, 2), [4, 0]);
    return { output, writes: meters.writes };
  } catch (e) {
    if (e instanceof PramError && e.detail.kind === "conflict") return { conflict: e.detail };
    throw e;
  }
}

/** The table of docs/semantics.md ("Conflicts"), one case per row and mode, three processors where it matters. */
describe.each(CONFLICT_MODES.map((m) => [m]))("%s", (mode) => {
  it("concurrent reads: an error only under EREW, naming the first two readers", () => {
    const got = run(mode, 3, [LOAD(r(0), at(0)), STORE(r(0), at(1)), HALT()]);
    if (mode === "EREW") expect(got).toEqual({ conflict: { kind: "conflict", program: "conflicts", mode, step: 1, pids: [0, 1], address: 0, access: "read", values: null } });
    // Step 2's equal writes of 4 are legal only under CRCW.
    else if (mode === "CREW") expect(got).toMatchObject({ conflict: { step: 2, pids: [0, 1], address: 1, access: "write" } });
    else expect(got).toEqual({ output: [4, 4], writes: 3 });
  });

  it("concurrent writes of one value: allowed under CRCW only", () => {
    const got = run(mode, 3, [STORE(7, at(1)), HALT()]);
    if (mode === "EREW" || mode === "CREW") expect(got).toEqual({ conflict: { kind: "conflict", program: "conflicts", mode, step: 1, pids: [0, 1], address: 1, access: "write", values: null } });
    else expect(got).toEqual({ output: [4, 7], writes: 3 });
  });

  it("concurrent writes of different values: only CRCW-priority allows them, and the lowest pid's value stays", () => {
    const got = run(mode, 3, [ADD(r(0), pid, 5), STORE(r(0), at(1)), HALT()]);
    if (mode === "CRCW-priority") expect(got).toEqual({ output: [4, 5], writes: 3 });
    else expect(got).toEqual({ conflict: { kind: "conflict", program: "conflicts", mode, step: 2, pids: [0, 1], address: 1, access: "write", values: mode === "CRCW-common" ? [5, 6] : null } });
  });

  it("a read and a write of one cell in one step never conflict: the read sees the start of the step", () => {
    // Step 2: processor 0 reads cell 0 while processor 1 writes 9 there; step 3: processor 0 copies what it read.
    const got = run(mode, 2, [JNZ(pid, "writer"), LOAD(r(0), at(0)), STORE(r(0), at(1)), HALT(), label("writer", STORE(9, at(0))), HALT()]);
    expect(got).toEqual({ output: [9, 4], writes: 2 });
  });
});
