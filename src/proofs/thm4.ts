import { inThread, type TaskPool } from "../parallel/taskPool.js";
import { fitBound } from "./fitBound.js";
import { checkedPrograms, librarySweep } from "./librarySweep.js";
import type { ProofReport, ProofSettings } from "./proofReport.js";

/**
 * Theorem 4, checked: for every library program, every swept n ≤ maxN and `runs` generated inputs (and for
 * 10·runs generated programs, see generatedCheck), the
 * AP-MDM decode over the compiled weights (remask, insert, delete driven by its control logits) outputs
 * exactly what the PRAM outputs, in ⌈log₂(S − n)⌉ + T + 4 steps, with peak context exactly
 * S = 1 + 2·(M(n) + 1 + P(n)·(R + 1)) — the memory plus the processors' state, twice — and a depth
 * that does not change with n. Constants of steps ≤ c·T + c0 and peak ≤ c·S(n) + c3 are fitted.
 */
export async function proveThm4(settings: ProofSettings, pool: TaskPool = inThread): Promise<ProofReport> {
  const [sweep, generated] = await Promise.all([
    librarySweep(settings, () => [{ model: "ap-mdm", runs: settings.runs }], pool),
    pool.run({ kind: "generated-check", model: "ap-mdm", theorem: "thm4", runs: settings.runs, seed: settings.seed, engine: settings.engine }),
  ]);
  const runs = sweep.observations;
  for (const { instance: I, run } of runs) {
    const S = 1 + 2 * (I.memory + 1 + I.processors * (I.registers + 1));
    sweep.note("peak context = 1 + 2·(M + 1 + P·(R + 1))", run.meters.apMdm?.peakContext === S);
    sweep.note("steps = ⌈log2(S − n)⌉ + T + 4", run.meters.steps === Math.ceil(Math.log2(S - I.n)) + run.pramMeters.T + 4);
  }
  for (const entry of checkedPrograms(settings)) {
    const depths = new Set(runs.filter((o) => o.program === entry.name).map((o) => o.run.meters.layers));
    if (depths.size > 0) sweep.note("depth constant in n", depths.size === 1);
  }
  const bounds = [
    fitBound("steps ≤ c·T + c0  (per program: c0 absorbs the ⌈log2 S⌉ growth)", ["c", "c0"], runs.map((o) => ({ x: o.run.pramMeters.T, y: o.run.meters.steps }))),
    fitBound("peak context ≤ c·S(n) + c3,  S(n) = M(n) + P(n)·(R + 1)", ["c", "c3"], runs.map((o) => ({ x: o.instance.memory + o.instance.processors * (o.instance.registers + 1), y: o.run.meters.context }))),
  ];
  const checks = [...sweep.checks(), generated.check];
  return {
    theorem: "thm4",
    statement: "an AP-MDM simulates any PRAM program in O(T(n)) steps with peak context O(S(n)), S(n) = memory + processor state",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks,
    programs: checkedPrograms(settings).map((e) => e.name),
    sizes: sweep.sizes,
    runs: runs.length + generated.check.cases,
    bounds,
    margins: sweep.margins,
    counterexample: sweep.counterexample ?? generated.counterexample,
    skipped: sweep.skipped,
  };
}
