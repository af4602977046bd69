import { UserError } from "../errors.js";
import { decodeCost } from "../mdm/decodeCost.js";
import type { DecodeModel } from "../mdm/mdmRun.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";

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
 *    the construction goes through); the compiled dyck model runs ~7 GFLOP/s of that count here. Parity has
 *    a cap per backend: its evaluator runs ~0.15 GFLOP/s; its compiled model ~60 at 128,000 bits (the engine's
 *    work grows ≈ linearly since the key chain, while the dense count is quadratic; docs/cli.md): 10^12 is
 *    ≈ 180,000 bits, below the canvas cap (524,288);
 *  - prove thm5: the same over the whole sweep (its samples, decoded by the weights and by the evaluator);
 *  - plot: query–key pairs, Σ over the sweep's decodes of steps × context² — what one attention head of
 *    dimension 1 scores, a lower bound on any forward pass; Theorem 1/4 models have 15–30 heads.
 */
export const COST_CAPS = {
  dyck: { command: "dyck sample", unit: "FLOPs (dense count)", cap: 2e12, time: "about a minute" },
  parity: { command: "parity", unit: "FLOPs (dense count)", cap: 1e12, time: "about fifteen seconds with the weights" },
  parityEvaluator: { command: "parity --backend evaluator", unit: "FLOPs (dense count)", cap: 1e11, time: "about ten minutes with the evaluator" },
  thm5: { command: "prove thm5", unit: "FLOPs (dense count)", cap: 2e12, time: "about two minutes" },
  plot: { command: "plot", unit: "query–key pairs (Σ steps × context²)", cap: 2e11, time: "about ten minutes" },
} as const satisfies Record<string, CostCap>;

/**
 * The caps of `mdm run` and `view` on one decode's dense count (decodeCost: the step cap × passFlops at the
 * longest canvas). The full and dense engines run about that count, 2–4 GFLOP/s here. The incremental
 * engine recomputes only what a step changed, so its rate depends on the process (measured here on prefix
 * sums, CPU time): an MDM step changes one block of a long canvas (1–2·10^12 dense FLOP/s at n = 128–256,
 * 10^13 at n = 512: prefix sums n = 512 in ≈ 77 s, n = 1024 (4.4·10^15, ≈ 4 min) refused), a Masked-ARM step one token (3–6·10^12), an
 * AP-MDM step rewrites both of its buffers, a full pass every step, which the token and key indexes make
 * cheap (2–4·10^11 at n = 512–1024: prefix sums n = 1024 in ≈ 35 s), and an ARM step appends a position to a
 * causal canvas, which keeps every earlier row: its work grows as steps² while the dense count grows as
 * steps³, so its rate rises with n (3·10^12 at n = 16, 3·10^13 at n = 64: prefix sums n = 64 in ≈ 37 s,
 * n = 128 refused). Each cap is about a minute or two of its rate.
 */
const DECODE_CAPS: Readonly<Record<DecodeModel, number>> = { mdm: 1e15, "masked-arm": 5e14, arm: 2e15, "ap-mdm": 5e13 };
const DENSE_DECODE_CAP = 3e11;

/** Refuses, before anything runs, a decode of `instance` by `model` with `engine` past its cap (mdm run, view), unless forced. */
export function checkDecodeCost(command: string, instance: PramInstance, model: DecodeModel, engine: ForwardEngine, force: boolean): void {
  const cap = engine === "incremental" ? DECODE_CAPS[model] : DENSE_DECODE_CAP;
  const { flops, steps, context } = decodeCost(instance, model);
  const limit = { command, unit: "FLOPs (dense count)", cap, time: `about a minute or two with the ${engine} engine` };
  checkCost(limit, `--input (n = ${instance.n}) --model ${model}`, flops, `${steps} forward passes over up to ${context} positions`, force);
}

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
