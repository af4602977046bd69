import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/mdm/simulate.js";
import { constructMdm } from "../../src/mdm/thm1/constructMdm.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";

/** The smallest test size with two or more processors whose Theorem 1 canvas stays under 1,000 positions (else the smallest). */
function sizeFor(name: string): number {
  const entry = library.find((e) => e.name === name)!;
  const program = loadProgram(name);
  const multi = entry.testSizes.find((n) => {
    const instance = instantiate(program, n);
    return instance.processors >= 2 && constructMdm(instance).layout.length < 1000;
  });
  return multi ?? entry.testSizes[0];
}

/** simulate end to end over compiled weights: MDM (Theorem 1) and AP-MDM (Theorem 4) reproduce the PRAM. */
describe("simulate over compiled weights", () => {
  it.each(library.map((e) => [e.name, sizeFor(e.name)] as const))("%s at n = %i", (name, n) => {
    const entry = library.find((e) => e.name === name)!;
    const instance = instantiate(loadProgram(name), n);
    const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 5 })[0];
    const mdm = simulate(instance, input, { model: "mdm" });
    expect(mdm.output).toEqual(mdm.pramOutput);
    expect(mdm.meters.steps).toBeLessThanOrEqual(mdm.pramMeters.T + 1);
    expect(mdm.meters.flops).toBeGreaterThan(0);
    const ap = simulate(instance, input, { model: "ap-mdm" });
    expect(ap.output).toEqual(ap.pramOutput);
    expect(ap.meters.apMdm!.peakContext).toBe(1 + 2 * (instance.memory + 1 + instance.processors * (instance.registers + 1)));
  });
});

/**
 * The three processes over Theorem 1's canvas must write the very same canvas, token for token: a field
 * that saw a same-step value in the one-token-per-step orders (a LOAD's read address after its own
 * register write) would differ here even when the output does not.
 */
describe("MDM, Masked-ARM and ARM write the same canvas", () => {
  it.each([["prefix-sums", 2], ["broadcast", 2]] as const)("%s at n = %i", (name, n) => {
    const entry = library.find((e) => e.name === name)!;
    const instance = instantiate(loadProgram(name), n);
    const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 9 })[0];
    const final = (model: "mdm" | "masked-arm" | "arm") => {
      const canvases = simulate(instance, input, { model, trace: true }).canvases!;
      return Array.from(canvases[canvases.length - 1]);
    };
    const mdm = final("mdm");
    expect(final("masked-arm")).toEqual(mdm);
    expect(final("arm")).toEqual(mdm);
  });
});
