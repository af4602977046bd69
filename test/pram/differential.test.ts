import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { PramError } from "../../src/pram/pramError.js";
import { runPram } from "../../src/pram/runPram.js";
import { arbitraryInput, arbitraryInstance } from "../../src/pram/arbitraryInstance.js";
import { naiveRun, type NaiveOutcome } from "./naiveInterpreter.js";

/** runPram, as the same shape of outcome the naive interpreter gives. */
function outcome(instance: Parameters<typeof runPram>[0], input: readonly number[]): NaiveOutcome {
  try {
    const r = runPram(instance, input);
    return { kind: "ok", output: r.output, meters: { ...r.meters } };
  } catch (e) {
    if (e instanceof PramError) return { kind: "error", error: { ...e.detail } };
    throw e;
  }
}

describe("runPram against an independent naive interpreter", () => {
  test.prop([arbitraryInstance.chain((instance) => fc.tuple(fc.constant(instance), arbitraryInput(instance)))], { numRuns: 3000 })(
    "same output and meters, or the same error (kind, step, processors, address, values), in every mode",
    ([instance, input]) => {
      const expected = naiveRun(instance, input);
      const got = outcome(instance, input);
      if (expected.kind === "ok") expect(got).toEqual(expected);
      else {
        expect(got.kind).toBe("error");
        expect(got.kind === "error" && got.error).toMatchObject(expected.error);
      }
    },
  );
});
