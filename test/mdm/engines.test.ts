import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Prediction } from "../../src/mdm/predictor.js";
import { simulate } from "../../src/mdm/simulate.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import type { ForwardEngine } from "../../src/transformer/forwardEngine.js";

/**
 * Every library program's Theorem 1 (MDM and its ARM baseline) and Theorem 4 (AP-MDM) decode at its smallest
 * test size, by the incremental engine and by a fresh full pass per step (itself equal to the dense reference
 * bit for bit, test/transformer/forward.test.ts): the same canvas after every step, the same predictions,
 * margins and FLOPs at every pass, the same output and meters; the incremental engine does less work, and
 * runs one full pass for the MDM, and for the ARM (whose appends keep the causal canvas's earlier rows) only
 * those over its first few positions.
 */
describe("incremental engine = full pass on every library program's Theorem 1 and Theorem 4 decode", () => {
  it.each(library.map((e) => [e.name, e.testSizes[0]] as const))("%s at n = %i", (name, n) => {
    const entry = library.find((e) => e.name === name)!;
    const instance = instantiate(loadProgram(name), n);
    const input = fc.sample(entry.inputs(n), { numRuns: 1, seed: 11 })[0];
    // The full engine's ARM decode is cubic in the canvas: connected components' (417 positions, 13 s) is left out.
    const models = name === "connected-components" ? (["mdm", "ap-mdm"] as const) : (["mdm", "arm", "ap-mdm"] as const);
    for (const model of models) {
      const run = (engine: ForwardEngine) => {
        const passes: unknown[] = [];
        const observe = (p: Prediction) => passes.push({ prediction: Array.from(p.prediction), control: p.control?.map((b) => Array.from(b)) ?? null, flops: p.flops, margins: p.margins });
        const r = simulate(instance, input, { model, engine, trace: true, onPrediction: observe });
        return { r, passes };
      };
      const inc = run("incremental");
      const full = run("full");
      expect(inc.passes).toEqual(full.passes);
      expect(inc.r.canvases).toEqual(full.r.canvases);
      expect(inc.r.output).toEqual(full.r.output);
      expect({ ...inc.r.meters, work: 0, fullPasses: 0 }).toEqual({ ...full.r.meters, work: 0, fullPasses: 0 });
      expect(full.r.meters.work).toBe(full.r.meters.flops);
      expect(inc.r.meters.work).toBeLessThanOrEqual(full.r.meters.work);
      if (model === "mdm") expect(inc.r.meters.fullPasses).toBe(1);
      // An ARM pass edits two positions (the one it unmasks, the one it appends): a full pass only while they
      // are more than a quarter of the canvas, i.e. over fewer than 8 positions, and on the first pass.
      const short = inc.r.canvases!.slice(2).filter((c) => c.length < 8).length;
      if (model === "arm") expect(inc.r.meters.fullPasses).toBe(1 + short);
    }
  });
});
