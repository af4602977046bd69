import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { runPram } from "../../src/pram/runPram.js";

/**
 * Every library program against its plain sequential reference, on generated inputs (fast-check, shrunk
 * on failure) at each of its test sizes, with its meters inside the bounds its header declares.
 */
describe.each(library.map((e) => [e.name, e] as const))("%s", (_, entry) => {
  const program = loadProgram(entry.name);
  it.each(entry.testSizes.map((n) => [n]))("n = %i: output = reference, T ≤ T(n), P ≤ P(n), S = M(n), W ≤ P·T", (n) => {
    const instance = instantiate(program, n);
    fc.assert(
      fc.property(entry.inputs(n), (input) => {
        const { output, meters } = runPram(instance, input);
        expect(output).toEqual(entry.reference(input));
        expect(meters.T).toBeLessThanOrEqual(instance.stepBound);
        expect(meters.P).toBeLessThanOrEqual(instance.processors);
        expect(meters.S).toBe(instance.memory);
        expect(meters.W).toBeLessThanOrEqual(meters.P * meters.T);
        expect(meters.reads + meters.writes).toBeLessThanOrEqual(meters.W);
      }),
      { numRuns: 40 },
    );
  });

  it("output = reference at a larger size too (4× or 16× the largest test size, the first the program accepts)", () => {
    const n = [4, 16].map((k) => k * entry.testSizes[entry.testSizes.length - 1]).find((m) => {
      try {
        instantiate(program, m);
        return true;
      } catch {
        return false;
      }
    });
    expect(n).toBeDefined();
    const instance = instantiate(program, n!);
    fc.assert(
      fc.property(entry.inputs(n!), (input) => {
        expect(runPram(instance, input).output).toEqual(entry.reference(input));
      }),
      { numRuns: 5 },
    );
  });
});
