import type { ExperimentResult } from "./experiments.js";
import { proveMaxflow } from "./maxflow.js";
import type { ProofSettings } from "./proofReport.js";

/** The paper's largest graph (its AP-MDM is near 100% up to 10 nodes): `prove experiments` checks 4 … 10. */
export const MAXFLOW_EXPERIMENT_MAX_NODES = 10;

/**
 * Max-flow in `apmdm prove experiments`: `apmdm prove maxflow` (src/proofs/maxflow.ts) at the paper's sizes,
 * 4 … `maxNodes` nodes, `--runs` random graphs each (the experiments' --max-n counts Sudoku puzzles, so it
 * does not apply here). Its checks, fits and margins are named "maxflow: …"; the node counts are in the
 * program line, since the report's sizes are Sudoku clue counts.
 */
export async function maxflowExperiment(settings: ProofSettings, maxNodes = MAXFLOW_EXPERIMENT_MAX_NODES): Promise<ExperimentResult> {
  const r = await proveMaxflow({ ...settings, maxN: maxNodes });
  const named = <T extends { name: string }>(x: T): T => ({ ...x, name: `maxflow: ${x.name}` });
  return {
    checks: r.checks.map(named),
    bounds: r.bounds.map((b) => ({ ...b, statement: `maxflow: ${b.statement}` })),
    programs: [`maxflow: ${settings.runs} random graphs per node count ${r.sizes.join(", ")} (seed ${settings.seed})`],
    sizes: [],
    runs: r.runs,
    margins: r.margins.map(named),
    counterexample: r.counterexample && { ...r.counterexample, check: `maxflow: ${r.counterexample.check}` },
  };
}
