import { decodeBounds } from "../mdm/decodeBounds.js";
import { decodeRefusal } from "../mdm/decodeRefusal.js";
import type { DecodeModel } from "../mdm/mdmRun.js";
import { inThread, type TaskPool } from "../parallel/taskPool.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import type { LibraryEntry } from "../pram/library/libraryEntry.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { LibraryCheck, ObservedRun } from "./libraryCheck.js";
import { scaleSizes } from "./scaleSizes.js";
import type { Counterexample, Margin, ProofCheck, ProofSettings, SkippedDecode } from "./proofReport.js";

/** One decode that reproduced the PRAM's output. */
export interface Observation {
  readonly program: string;
  readonly instance: PramInstance;
  readonly input: readonly number[];
  readonly run: ObservedRun;
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
 * input each, the property "<model> output = PRAM output" (libraryCheck) for each model `plan(k)` names for
 * the k-th size, with as many inputs as it says. Each (program, n, model) is one task of `pool`, submitted
 * costliest first (so that two threads finish together) and read back in the plan's order: the tallies,
 * observations, first counterexample and worst margins (the first where tied) are those of one thread.
 */
export async function librarySweep(
  settings: ProofSettings,
  plan: (k: number, sizes: number) => readonly { readonly model: DecodeModel; readonly runs: number }[],
  pool: TaskPool = inThread,
): Promise<SweepResult> {
  const tallies = new Map<string, { passed: boolean; cases: number }>();
  const note = (name: string, ok: boolean) => {
    const c = tallies.get(name) ?? { passed: true, cases: 0 };
    tallies.set(name, { passed: c.passed && ok, cases: c.cases + 1 });
  };
  const skipped: SkippedDecode[] = [];
  const sizes = new Set<number>();
  const planned: { program: string; instance: PramInstance; model: DecodeModel; runs: number; cost: number }[] = [];
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
        planned.push({ program: entry.name, instance, model, runs, cost });
      }
    }
  }
  const submitted = new Map<(typeof planned)[number], Promise<LibraryCheck>>();
  for (const p of [...planned].sort((a, b) => b.cost - a.cost)) {
    submitted.set(p, pool.run({ kind: "library-check", program: p.program, instance: p.instance, model: p.model, runs: p.runs, seed: settings.seed, engine: settings.engine }));
  }
  const results = await inOrder(planned.map((p) => submitted.get(p)!));
  const observations: Observation[] = [];
  let counterexample: Counterexample | null = null;
  const attention: Margin = { name: "", value: Infinity, where: "" };
  const logit: Margin = { name: "", value: Infinity, where: "" };
  for (const [k, p] of planned.entries()) {
    const r = results[k];
    for (const o of r.observations) observations.push({ program: p.program, instance: p.instance, ...o });
    note(`${p.model} output = PRAM output`, !r.failed);
    counterexample ??= r.counterexample;
    if (r.attention.value < attention.value) Object.assign(attention, r.attention);
    if (r.logit.value < logit.value) Object.assign(logit, r.logit);
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

/**
 * The values of `promises`, in their order, once all have settled; when some reject, the first of them in
 * that order (not in time), so that the error a sweep reports does not depend on which thread was faster.
 */
export async function inOrder<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failure = settled.find((s) => s.status === "rejected");
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
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
