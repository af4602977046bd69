import type { DecodeModel } from "../mdm/mdmRun.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import type { TaskPool } from "../parallel/taskPool.js";

/**
 * What a theorem check reports: `apmdm prove` prints it (or emits it as JSON), the tests assert on
 * `passed`, and the docs quote its constants. Every number in it comes from runs, never from a formula.
 */
export type TheoremId = "thm1" | "thm2" | "thm3" | "thm4" | "thm5" | "sampling" | "maxflow" | "experiments";

export interface ProofReport {
  readonly theorem: TheoremId;
  /** The claim in one line, e.g. "MDM decoding simulates any PRAM program in O(T(n)) steps". */
  readonly statement: string;
  /** True when every check passed and every fitted bound holds on every observed point. */
  readonly passed: boolean;
  /** The settings the report was produced with, so `replay` reproduces it. */
  readonly settings: ProofSettings;
  /** What was checked: one entry per property. */
  readonly checks: readonly ProofCheck[];
  /** Library (or generated) program names the checks ran on. */
  readonly programs: readonly string[];
  /** Input lengths n swept. */
  readonly sizes: readonly number[];
  /** Total (program, input) runs over all checks. */
  readonly runs: number;
  readonly bounds: readonly FittedBound[];
  /** Smallest margins seen over all runs (how far the construction was from a tie). */
  readonly margins: readonly Margin[];
  /** The first failure, shrunk; null when everything passed. */
  readonly counterexample: Counterexample | null;
  /** Decodes of the library sweep left out by settings.maxCost (Theorems 1 and 4); absent or empty: none. */
  readonly skipped?: readonly SkippedDecode[];
}

/** A decode the library sweep did not run: its cost (steps × context, decodeBounds) was over settings.maxCost. */
export interface SkippedDecode {
  readonly program: string;
  readonly n: number;
  readonly model: DecodeModel;
  readonly cost: number;
}

export interface ProofSettings {
  /** Generated cases per property (fast-check numRuns). */
  readonly runs: number;
  readonly seed: number;
  /** Largest n swept. */
  readonly maxN: number;
  /** Library programs to check (the simulation theorems); absent: all of them. */
  readonly programs?: readonly string[];
  /** How the compiled weights run their forward passes (default incremental; full and dense are the references). */
  readonly engine?: ForwardEngine;
  /**
   * The most steps × context (decodeBounds: the step cap times the longest canvas) one decode of the
   * library sweep (Theorems 1 and 4) may cover; a costlier decode is skipped and listed in the report.
   * Absent: every decode runs.
   */
  readonly maxCost?: number;
}

/** One property, e.g. "MDM output = PRAM output" on 40 runs. */
export interface ProofCheck {
  readonly name: string;
  readonly passed: boolean;
  /** Runs this property was evaluated on. */
  readonly cases: number;
}

/**
 * A bound with constants fitted over a sweep, e.g. statement "steps ≤ c1·T(n) + c0" with constants
 * [{c1, …}, {c0, …}]. `holds` says whether every observed point satisfies it with those constants.
 */
export interface FittedBound {
  readonly statement: string;
  /** In the order the statement names them. */
  readonly constants: readonly FittedConstant[];
  /** How the constants were obtained, e.g. "least squares over 24 (T, steps) points, then c0 raised to cover the worst point". */
  readonly method: string;
  /** Observed points the fit used. */
  readonly points: number;
  readonly holds: boolean;
  /** min over points of (bound − observed): ≥ 0 when the bound holds; the worst point's distance from violation. */
  readonly worstSlack: number;
}

export interface FittedConstant {
  readonly name: string;
  readonly value: number;
  /** The exact value when it is rational, e.g. "37/12"; null when only a float is known. */
  readonly exact: string | null;
}

/** The smallest gap of one kind seen over all runs, and where. */
export interface Margin {
  /** e.g. "attention score gap (best − second best)" or "token logit gap". */
  readonly name: string;
  readonly value: number;
  /** e.g. "prefix-sums n=8 step 3 layer 2 head 1 query 17". */
  readonly where: string;
}

/** A failing case, shrunk to its smallest form, with the command that replays it. */
export interface Counterexample {
  /** The property that failed (a ProofCheck name). */
  readonly check: string;
  readonly program: string;
  readonly n: number;
  readonly input: readonly number[];
  /** What went wrong, one line. */
  readonly message: string;
  /** Shrinking steps fast-check took to reach this case. */
  readonly shrinks: number;
  /** e.g. "apmdm mdm run prefix-sums --input 3,1" or "apmdm prove thm1 --seed 7 --runs 20". */
  readonly replay: string;
}

/** A theorem's check: `apmdm prove` calls it with the user's settings. */
export type ProofFunction = (settings: ProofSettings, pool: TaskPool) => Promise<ProofReport>;
