import { UserError } from "../errors.js";

/** A command's cost cap: what its estimate counts, and the most it runs without --force. */
export interface CostCap {
  /** The command, as `apmdm help` names it. */
  readonly command: string;
  /** What the estimate counts, e.g. "FLOPs (dense)". */
  readonly unit: string;
  readonly cap: number;
  /** About how long the cap takes on a laptop core, for the message. */
  readonly time: string;
}

/**
 * The caps of the commands whose cost explodes with an option (docs/semantics.md, "Limits"). Each is about
 * a minute or two on one core here; the estimates are computed from sizes alone, before any work:
 *  - dyck sample, parity: FLOPs of the decode by the dense count (passFlops × the steps, at the contexts
 *    the construction goes through); the compiled dyck model runs ~7 GFLOP/s of that count here, the
 *    parity model (all attention) ~1;
 *  - prove thm5: the same over the whole sweep (its samples, decoded by the weights and by the evaluator);
 *  - plot: query–key pairs, Σ over the sweep's decodes of steps × context² — what one attention head of
 *    dimension 1 scores, a lower bound on any forward pass; Theorem 1/4 models have 15–30 heads.
 */
export const COST_CAPS = {
  dyck: { command: "dyck sample", unit: "FLOPs (dense count)", cap: 2e12, time: "about a minute" },
  parity: { command: "parity", unit: "FLOPs (dense count)", cap: 1e11, time: "about two minutes" },
  thm5: { command: "prove thm5", unit: "FLOPs (dense count)", cap: 2e12, time: "about two minutes" },
  plot: { command: "plot", unit: "query–key pairs (Σ steps × context²)", cap: 2e11, time: "about ten minutes" },
} as const satisfies Record<string, CostCap>;

/**
 * Refuses, before any work, a run whose estimated cost passes its cap, unless forced: a UserError of kind
 * `cli/too-costly` naming the option that set the size, the estimate and what it counts, the cap, and
 * `--force`.
 */
export function checkCost(cap: CostCap, option: string, estimate: number, detail: string, force: boolean): void {
  if (force || estimate <= cap.cap) return;
  throw new UserError(
    "cli/too-costly",
    `${option}: ${cap.command} would cost about ${scientific(estimate)} ${cap.unit} (${detail}), above the cap of ${scientific(cap.cap)} (${cap.time} here; docs/semantics.md, "Limits"); add --force to run it anyway`,
  );
}

/** 12345678 → "1.2e7"; Infinity stays "Infinity". */
export function scientific(x: number): string {
  return Number.isFinite(x) ? x.toExponential(1).replace("e+", "e") : String(x);
}
