import fc from "fast-check";
import type { DecodeModel } from "../mdm/mdmRun.js";
import type { Prediction } from "../mdm/predictor.js";
import { type Simulation, simulate } from "../mdm/simulate.js";
import { library } from "../pram/library/index.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import { counterexampleOf } from "./counterexampleOf.js";
import type { Counterexample, Margin } from "./proofReport.js";

/** What the theorems read of a decode that reproduced the PRAM's output (the compiled model and the canvases stay behind). */
export type ObservedRun = Pick<Simulation, "model" | "meters" | "pramMeters">;

/** The outcome of one library check: plain data, so that a worker thread can send it back. */
export interface LibraryCheck {
  readonly failed: boolean;
  /** The shrunk failure; null when the property held. */
  readonly counterexample: Counterexample | null;
  /** Every run that reproduced the PRAM's output, in the order fast-check ran them (shrinking included). */
  readonly observations: readonly { readonly input: readonly number[]; readonly run: ObservedRun }[];
  /** The smallest attention-score and logit gaps over this check's forward passes (the first where tied), Infinity when none. */
  readonly attention: Margin;
  readonly logit: Margin;
}

/**
 * "<model> output = PRAM output" at one (program, n): `runs` inputs from the program's own generator
 * (fast-check, seeded, shrinking a failure), each decoded over the compiled weights; a run whose output
 * differs from the PRAM's, or that throws, fails and is shrunk.
 */
export function libraryCheck(program: string, instance: PramInstance, model: DecodeModel, runs: number, seed: number, engine?: ForwardEngine): LibraryCheck {
  const entry = library.find((e) => e.name === program)!;
  const n = instance.n;
  const observations: { input: readonly number[]; run: ObservedRun }[] = [];
  const attention: Margin = { name: "attention score gap (best − second best, over every query of every head)", value: Infinity, where: "" };
  const logit: Margin = { name: "token logit gap (best − second best, at every predicted position)", value: Infinity, where: "" };
  const check = `${model} output = PRAM output`;
  const result = fc.check(
    fc.property(entry.inputs(n), (input) => {
      let step = 0;
      const onPrediction = (p: Prediction) => {
        step += 1;
        const where = `${program} n=${n} ${model} input ${input.join(",")} step ${step}`;
        if (p.margins && p.margins.attention < attention.value) Object.assign(attention, { value: p.margins.attention, where });
        if (p.margins && p.margins.logit < logit.value) Object.assign(logit, { value: p.margins.logit, where });
      };
      const run = simulate(instance, input, { model, engine, onPrediction });
      const same = run.output.length === run.pramOutput.length && run.output.every((v, i) => v === run.pramOutput[i]);
      if (same) observations.push({ input, run: { model: run.model, meters: run.meters, pramMeters: run.pramMeters } });
      return same;
    }),
    { numRuns: runs, seed },
  );
  const counterexample = result.failed ? counterexampleOf(result, { check, program, n }, (input) => `apmdm mdm run ${program} --model ${model} --input ${input.join(",")}`) : null;
  return { failed: result.failed, counterexample, observations, attention, logit };
}
