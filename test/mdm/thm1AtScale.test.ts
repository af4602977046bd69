import { describe, expect, it } from "vitest";
import { validate } from "../../src/efasp/validate.js";
import { MAX_CANVAS } from "../../src/mdm/checkConstructionSize.js";
import { decodeRefusal } from "../../src/mdm/decodeRefusal.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { plotSizes } from "../../src/plot/plotSizes.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";

/**
 * The sweeps (plot, the programs bench) stop a series where the layouts refuse (the canvas cap), not where
 * the compiler would: so at every size the layouts admit, each library program's Theorem 1 model must be
 * exact in float64 (validate: every partial sum below 2^53). Prefix sums at n = 1024 passed it only once the
 * memory head's input and output offsets were taken modulo their regions, insertion sort at n = 128 once the
 * conflict head's validity bonus stopped scaling with the distances (docs/theorem1.md, "Exactness").
 */
describe("the Theorem 1 construction at the canvas cap", () => {
  it.each(library.map((e) => e.name))("%s compiles exactly at the largest ladder size within the cap", (name) => {
    const program = loadProgram(name);
    let n = 0;
    for (const size of plotSizes(program, 4096)) {
      if (decodeRefusal(instantiate(program, size), "mdm") !== null) break;
      n = size;
    }
    const construction = constructMdm(instantiate(program, n));
    // the largest: the next size is refused by the cap, so the check is at the edge
    expect(construction.layout.length).toBeLessThanOrEqual(MAX_CANVAS);
    expect(construction.layout.length).toBeGreaterThan(MAX_CANVAS / 4);
    expect(() => validate(construction.program(false))).not.toThrow();
  });
});
