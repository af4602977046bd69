import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { decodeCost } from "../../src/mdm/decodeCost.js";
import { DECODE_MODELS } from "../../src/mdm/mdmRun.js";
import { simulate } from "../../src/mdm/simulate.js";
import { arbitraryInstance } from "../../src/pram/arbitraryInstance.js";
import { runPram } from "../../src/pram/runPram.js";

/** Generated instances with an input on which the PRAM runs (a failing run decodes to an error token: no meters to compare). */
const running = arbitraryInstance
  .chain((instance) => fc.tuple(fc.constant(instance), fc.array(fc.integer({ min: instance.inputMin, max: instance.inputMax }), { minLength: instance.n, maxLength: instance.n })))
  .filter(([instance, input]) => {
    try {
      runPram(instance, input);
      return true;
    } catch {
      return false;
    }
  });

/** decodeCost is what mdm run and view check against their caps before anything runs: it must bound the decode's own meter. */
describe("decodeCost", () => {
  test.prop([running, fc.constantFrom(...DECODE_MODELS)], { numRuns: 12 })("bounds the decode's flops meter (the dense count) and its steps and context", ([instance, input], model) => {
    const cost = decodeCost(instance, model);
    const { meters } = simulate(instance, input, { model });
    expect(meters.flops).toBeLessThanOrEqual(cost.flops);
    expect(meters.steps).toBeLessThanOrEqual(cost.steps);
    expect(meters.context).toBeLessThanOrEqual(cost.context);
  });
});
