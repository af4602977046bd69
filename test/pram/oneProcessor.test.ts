import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryInput, arbitraryInstance } from "../../src/pram/arbitraryInstance.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";
import { PramError } from "../../src/pram/pramError.js";
import { runPram } from "../../src/pram/runPram.js";

/** A run's whole result (output, meters, final memory) or its error's detail. */
function outcome(instance: PramInstance, input: readonly number[], plain: boolean) {
  try {
    const r = runPram(instance, input, { plain });
    return { kind: "ok", output: r.output, meters: { ...r.meters }, memory: Array.from(r.memory) };
  } catch (e) {
    if (e instanceof PramError) return { kind: "error", detail: { ...e.detail }, message: e.message };
    throw e;
  }
}

const oneProcessor = arbitraryInstance.map((instance): PramInstance => ({ ...instance, processors: 1 }));

describe("runPram's one-processor loop against its general loop", () => {
  test.prop([oneProcessor.chain((instance) => fc.tuple(fc.constant(instance), arbitraryInput(instance)))], { numRuns: 3000 })(
    "the same output, meters and final memory, or the same error, bit for bit",
    ([instance, input]) => {
      expect(outcome(instance, input, false)).toEqual(outcome(instance, input, true));
    },
  );

  test("a library program on one processor: the same run either way", () => {
    const instance = instantiate(loadProgram("insertion-sort"), 12);
    const [input] = fc.sample(library.find((e) => e.name === "insertion-sort")!.inputs(12), { numRuns: 1, seed: 3 });
    expect(instance.processors).toBe(1);
    const fast = outcome(instance, input, false);
    expect(fast.kind).toBe("ok");
    expect(fast).toEqual(outcome(instance, input, true));
  });
});
