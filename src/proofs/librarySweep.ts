import fc from "fast-check";
import { decodeBounds } from "../mdm/decodeBounds.js";
import { decodeRefusal } from "../mdm/decodeRefusal.js";
import type { DecodeModel } from "../mdm/mdmRun.js";
import type { Prediction } from "../mdm/predictor.js";
import { type Simulation, simulate } from "../mdm/simulate.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import type { LibraryEntry } from "../pram/library/libraryEntry.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { counterexampleOf } from "./counterexampleOf.js";
import { scaleSizes } from "./scaleSizes.js";
import type { Counterexample, Margin, ProofCheck, ProofSettings, SkippedDecode } from "./proofReport.js";

/** One decode that reproduced the PRAM's output. */
export interface Observation {
  readonly program: string;
  readonly instance: PramInstance;
  readonly input: readonly number[];
  readonly run: Simulation;
}

export interface SweepResult {
  readonly observations: Observation[];
  /** Tallies per property name; `note` adds to them. */
  readonly note: (name: string, ok: boolean) => void;
  readonly checks: () => ProofCheck[];
  readonly counterexample: Counterexample | null;
  readonly sizes: number[];
  /** The smallest attention-score and logit gaps over every forward pass of the sweep, and where. */
  readonly margins: Margin[];
  /** The decodes left out because their cost passed settings.maxCost. */
  readonly skipped: SkippedDecode[];
}

/**
 * The shared loop of the simulation theorems: for every library program and every n of its test sizes
 * up to maxN, and then of its scale sizes (powers of two beyond them up to maxN, see scaleSizes) with one
 * input each, inputs from the program's own generator (fast-check, seeded, shrinking a failure), decoded
 * over the compiled weights by each model `plan(k)` names for the k-th size, with as many inputs as it
 * says; a run whose output differs from the PRAM's, or that throws, fails "<model> output = PRAM output"
 * and is shrunk.
 */
export function librarySweep(settings: ProofSettings, plan: (k: number, sizes: number) => readonly { readonly model: DecodeModel; readonly runs: number }[]): SweepResult {
  const observations: Observation[] = [];
  const tallies = new Map<string, { passed: boolean; cases: number }>();
  const note = (name: string, ok: boolean) => {
    const c = tallies.get(name) ?? { passed: true, cases: 0 };
    tallies.set(name, { passed: c.passed && ok, cases: c.cases + 1 });
  };
  let counterexample: Counterexample | null = null;
  const skipped: SkippedDecode[] = [];
  const sizes = new Set<number>();
  const attention: Margin = { name: "attention score gap (best − second best, over every query of every head)", value: Infinity, where: "" };
  const logit: Margin = { name: "token logit gap (best − second best, at every predicted position)", value: Infinity, where: "" };
  for (const entry of checkedPrograms(settings)) {
    const program = loadProgram(entry.name);
    const tested = entry.testSizes.filter((n) => n <= settings.maxN);
    const swept = [...tested, ...scaleSizes(program, Math.max(...entry.testSizes), settings.maxN)];
    for (const [k, n] of swept.entries()) {
      const instance = instantiate(program, n);
      for (const { model, runs } of plan(k, swept.length).map((p) => (k < tested.length ? p : { ...p, runs: 1 }))) {
        const cost = stepsTimesContext(instance, model);
        if (settings.maxCost !== undefined && cost > settings.maxCost) {
          skipped.push({ program: entry.name, n, model, cost });
          continue;
        }
        sizes.add(n);
        const check = `${model} output = PRAM output`;
        const result = fc.check(
          fc.property(entry.inputs(n), (input) => {
            let step = 0;
            const onPrediction = (p: Prediction) => {
              step += 1;
              const where = `${entry.name} n=${n} ${model} input ${input.join(",")} step ${step}`;
              if (p.margins && p.margins.attention < attention.value) Object.assign(attention, { value: p.margins.attention, where });
              if (p.margins && p.margins.logit < logit.value) Object.assign(logit, { value: p.margins.logit, where });
            };
            const run = simulate(instance, input, { model, engine: settings.engine, onPrediction });
            const same = run.output.length === run.pramOutput.length && run.output.every((v, i) => v === run.pramOutput[i]);
            if (same) observations.push({ program: entry.name, instance, input, run });
            return same;
          }),
          { numRuns: runs, seed: settings.seed },
        );
        note(check, !result.failed);
        if (result.failed && counterexample === null) {
          counterexample = counterexampleOf(result, { check, program: entry.name, n }, (input) => `apmdm mdm run ${entry.name} --model ${model} --input ${input.join(",")}`);
        }
      }
    }
  }
  return {
    observations,
    note,
    checks: () => [...tallies].map(([name, c]) => ({ name, ...c })),
    counterexample,
    sizes: [...sizes].sort((a, b) => a - b),
    margins: [attention, logit].filter((m) => m.value < Infinity),
    skipped,
  };
}

/** steps × context of a decode (decodeBounds); 0 when the layouts refuse it, so that the decode runs and reports why. */
function stepsTimesContext(instance: PramInstance, model: DecodeModel): number {
  if (decodeRefusal(instance, model) !== null) return 0;
  const { steps, context } = decodeBounds(instance, model);
  return steps * context;
}

/** The library programs a check runs on: those settings.programs names, or all. */
export function checkedPrograms(settings: ProofSettings): readonly LibraryEntry[] {
  return settings.programs ? library.filter((e) => settings.programs!.includes(e.name)) : library;
}
