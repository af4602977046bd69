import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { inThread, type TaskPool } from "../parallel/taskPool.js";
import { fitBound } from "./fitBound.js";
import { checkedPrograms, librarySweep } from "./librarySweep.js";
import type { ProofReport, ProofSettings } from "./proofReport.js";

/**
 * Theorem 1, checked: for every library program, every swept n ≤ maxN and `runs` generated inputs (and for
 * 10·runs generated programs, see generatedCheck), the
 * MDM decode over the compiled weights outputs exactly what the PRAM interpreter outputs, in at most
 * T + 1 decoding steps (T = the PRAM's parallel steps), with context exactly 1 + n + 6·P(n)·T(n) + |output|,
 * a depth that does not change with n, and a width that grows at most linearly in the word width
 * (w = O(log n)). The Masked-ARM and ARM decodes (one forward pass per token) are checked on one input at
 * the second size swept. Constants of the bounds are fitted over the sweep and printed; the width is fitted as
 * growth within each program (width − its width at the program's smallest n against w − its smallest w),
 * since programs differ in registers and code length, which the width also counts.
 */
export async function proveThm1(settings: ProofSettings, pool: TaskPool = inThread): Promise<ProofReport> {
  const mdmRuns = { model: "mdm", runs: settings.runs } as const;
  // The one-token-per-step processes run at the second size swept (the first with several processors, for
  // most programs), where a field that saw a same-step value would show.
  const [sweep, generated] = await Promise.all([
    librarySweep(settings, (k, sizes) => (k === Math.min(1, sizes - 1) ? [mdmRuns, { model: "masked-arm", runs: 1 }, { model: "arm", runs: 1 }] : [mdmRuns]), pool),
    pool.run({ kind: "generated-check", model: "mdm", theorem: "thm1", runs: settings.runs, seed: settings.seed, engine: settings.engine }),
  ]);
  const mdm = sweep.observations.filter((o) => o.run.model === "mdm");
  for (const { instance: I, run } of mdm) {
    sweep.note("steps ≤ T + 1", run.meters.steps <= run.pramMeters.T + 1);
    const layout = constructMdm(I).layout;
    sweep.note("context = 1 + n + 6·P(n)·T(n) + |output|", run.meters.context === layout.length && layout.length === 1 + I.n + 6 * I.processors * I.stepBound + I.outputLength);
  }
  const growth: { x: number; y: number }[] = [];
  for (const entry of checkedPrograms(settings)) {
    const runs = mdm.filter((o) => o.program === entry.name);
    if (runs.length === 0) continue;
    sweep.note("depth constant in n", new Set(runs.map((o) => o.run.meters.layers)).size === 1);
    const first = runs.reduce((a, b) => (b.instance.n < a.instance.n ? b : a));
    for (const o of runs) growth.push({ x: o.instance.wordBits - first.instance.wordBits, y: o.run.meters.width - first.run.meters.width });
  }
  const bounds = [
    fitBound("steps ≤ c1·T + c0", ["c1", "c0"], mdm.map((o) => ({ x: o.run.pramMeters.T, y: o.run.meters.steps }))),
    fitBound("context ≤ c2·P(n)·T(n) + c3", ["c2", "c3"], mdm.map((o) => ({ x: o.instance.processors * o.instance.stepBound, y: o.run.meters.context }))),
    fitBound("width growth ≤ a·(w(n) − w(n₀)) + b  (per program; w = word bits = O(log n))", ["a", "b"], growth),
  ];
  const checks = [...sweep.checks(), generated.check];
  return {
    theorem: "thm1",
    statement: "an MDM simulates any PRAM program in O(T(n)) decoding steps with context O(P(n)·T(n)), constant depth and O(log n) width",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks,
    programs: checkedPrograms(settings).map((e) => e.name),
    sizes: sweep.sizes,
    runs: sweep.observations.length + generated.check.cases,
    bounds,
    margins: sweep.margins,
    counterexample: sweep.counterexample ?? generated.counterexample,
    skipped: sweep.skipped,
  };
}
