import { sudokuExperiment } from "../experiments/sudoku/sudokuExperiment.js";
import { maxflowExperiment } from "./maxflowExperiment.js";
import type { Counterexample, FittedBound, Margin, ProofCheck, ProofReport, ProofSettings } from "./proofReport.js";

/** What one task of `apmdm prove experiments` checked, fitted and measured. */
export interface ExperimentResult {
  readonly checks: readonly ProofCheck[];
  readonly bounds: readonly FittedBound[];
  /** What was tried, e.g. "sudoku: data/sudoku/public.txt (100 puzzles)". */
  readonly programs: readonly string[];
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly margins: readonly Margin[];
  readonly counterexample: Counterexample | null;
}

export type Experiment = (settings: ProofSettings) => Promise<ExperimentResult>;

/**
 * The tasks of the AP-MDM paper's experiments, each an exact construction checked on every instance it
 * tries. A task adds itself here; the report concatenates their results.
 */
export const EXPERIMENTS: readonly Experiment[] = [sudokuExperiment, maxflowExperiment];

export async function proveExperiments(settings: ProofSettings): Promise<ProofReport> {
  const results: ExperimentResult[] = [];
  for (const e of EXPERIMENTS) results.push(await e(settings));
  const checks = results.flatMap((r) => r.checks);
  const bounds = results.flatMap((r) => r.bounds);
  return {
    theorem: "experiments",
    statement: "the AP-MDM paper's experiment tasks are solved exactly, by construction, on every instance tried",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks,
    programs: results.flatMap((r) => r.programs),
    sizes: [...new Set(results.flatMap((r) => r.sizes))].sort((a, b) => a - b),
    runs: results.reduce((s, r) => s + r.runs, 0),
    bounds,
    margins: results.flatMap((r) => r.margins),
    counterexample: results.find((r) => r.counterexample !== null)?.counterexample ?? null,
  };
}
