import { UserError } from "../errors.js";
import { library } from "../pram/library/index.js";
import { formatProofReport } from "../proofs/formatProofReport.js";
import type { ProofFunction, ProofReport, TheoremId } from "../proofs/proofReport.js";
import { proveExperiments } from "../proofs/experiments.js";
import { proveMaxflow } from "../proofs/maxflow.js";
import { proveThm1 } from "../proofs/thm1.js";
import { proveThm2 } from "../proofs/thm2.js";
import { proveThm3 } from "../proofs/thm3.js";
import { proveThm4 } from "../proofs/thm4.js";
import { proveThm5, thm5Cost } from "../proofs/thm5.js";
import { proveSampling } from "../proofs/sampling.js";
import { palette } from "../repl/palette.js";
import type { Command } from "./command.js";
import { FORWARD_ENGINES } from "../transformer/forwardEngine.js";
import { engineOption } from "./engineOption.js";
import { checkCost, COST_CAPS } from "./costCap.js";
import { integerOption } from "./integerOption.js";
import { threadsOption } from "./threadsOption.js";
import { taskPool } from "../parallel/taskPool.js";
import { parseOptions } from "./parseOptions.js";

/** The theorem checks `apmdm prove` dispatches to. */
const proofs: Readonly<Record<TheoremId, ProofFunction>> = { thm1: proveThm1, thm2: proveThm2, thm3: proveThm3, thm4: proveThm4, thm5: proveThm5, sampling: proveSampling, maxflow: proveMaxflow, experiments: proveExperiments };
const THEOREMS = Object.keys(proofs) as TheoremId[];

/**
 * --max-n when not given: the largest input length (thm5: word length; maxflow: node count) each check sweeps by default,
 * chosen so `apmdm prove all` finishes in minutes; the Theorem 1 canvas grows as P·T, its decode as (P·T)²·T
 * (thm2 also skips canvases over THM2_MAX_CANVAS and programs declaring over THM2_MAX_STEPS steps). For `experiments` it is the number of instances tried
 * from each shipped set (all 100 public Sudoku puzzles by default: tens of thousands of forward passes,
 * so `all` leaves experiments out).
 */
const DEFAULT_MAX_N: Readonly<Record<TheoremId, number>> = { thm1: 64, thm2: 4, thm3: 2, thm4: 64, thm5: 16, sampling: 16, maxflow: 10, experiments: 100 };

/**
 * Without --force, the Theorem 1 and 4 sweeps skip (and list) each decode whose steps × context
 * (decodeBounds) passes this. The MDM of prefix sums at n = 64 is 8.7·10^5 (about 7 s of one core; the
 * MDM runs about 10 µs per unit, the AP-MDM about 70); insertion sort at n = 64 (T = 16,699 steps over a
 * 100,000-position canvas) is 1.7·10^9, connected components 3.7·10^7, bitonic sort 1.9·10^7: hours
 * together. Under it every program but those three and bracket matching reaches n = 64 (or its largest
 * test size) by default.
 */
const MAX_DECODE_COST = 1.5e6;

export const proveCommand: Command = {
  path: ["prove"],
  usage: `prove [all|${THEOREMS.join("|")}] [--runs K] [--seed S] [--max-n N] [--programs A,B,…] [--engine ${FORWARD_ENGINES.join("|")}] [--threads N] [--force] [--json]`,
  summary: "run the theorem checks and print a report per theorem (fitted constants, margins, counterexamples)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      "max-n": { type: "string" },
      programs: { type: "string" },
      engine: { type: "string", default: "incremental" },
      threads: { type: "string" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    });
    if (positionals.length > 1) throw new UserError("cli/options", `unexpected argument '${positionals[1]}'`);
    const which = positionals[0] ?? "all";
    if (which !== "all" && !THEOREMS.includes(which as TheoremId)) {
      throw new UserError("cli/options", `unknown theorem '${which}' (all, ${THEOREMS.join(", ")})`);
    }
    const runs = integerOption("--runs", values.runs, 1);
    const seed = integerOption("--seed", values.seed, 0);
    const maxN = values["max-n"] === undefined ? null : integerOption("--max-n", values["max-n"], 1);
    const programs = values.programs === undefined ? undefined : values.programs.split(",");
    const unknown = programs?.find((name) => !library.some((e) => e.name === name));
    if (unknown !== undefined) throw new UserError("cli/options", `--programs: '${unknown}' is not a library program (${library.map((e) => e.name).join(", ")})`);
    const engine = engineOption(values.engine);
    const threads = threadsOption(values.threads);
    const theorems = which === "all" ? THEOREMS.filter((t) => t !== "experiments") : [which as TheoremId];
    const settings = (t: TheoremId) => ({ runs, seed, maxN: maxN ?? DEFAULT_MAX_N[t], programs, ...(engine === "incremental" ? {} : { engine }), ...(values.force ? {} : { maxCost: MAX_DECODE_COST }) });
    // thm5 sweeps every length up to --max-n; the other checks sweep size lists that --max-n cuts (thm1 and thm4 then add one input at each power of two beyond them).
    if (theorems.includes("thm5")) {
      const cost = thm5Cost(settings("thm5"), COST_CAPS.thm5.cap);
      checkCost(COST_CAPS.thm5, `--max-n ${settings("thm5").maxN}`, cost.flops, cost.detail, values.force);
    }
    // The sweeps' decodes run on `threads` threads; the reports do not depend on how many (taskPool).
    const pool = taskPool(threads);
    const reports: ProofReport[] = [];
    try {
      for (const t of theorems) reports.push(await proofs[t](settings(t), pool));
    } finally {
      await pool.close();
    }
    if (values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
    else io.out(reports.map((r) => formatProofReport(r, palette(io.color))).join("\n"));
    return reports.every((r) => r.passed) ? 0 : 1;
  },
};
