import fc from "fast-check";
import { checkDyckSize, type DyckConstruction, dyckProgram } from "../ap-mdm/dyck/dyckProgram.js";
import { dyckSteps, sampleDyck } from "../ap-mdm/dyck/sampleDyck.js";
import { allTwoSidedDyck, isTwoSidedDyck } from "../ap-mdm/dyck/twoSidedDyck.js";
import { enumerateApMdm } from "../ap-mdm/enumerateApMdm.js";
import { memoPredictor } from "../ap-mdm/memoPredictor.js";
import { compile } from "../efasp/compile.js";
import { evaluatorPredictor } from "../mdm/evaluatorPredictor.js";
import { observedPredictor } from "../mdm/observedPredictor.js";
import { passFlops } from "../mdm/passFlops.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { fitBound } from "./fitBound.js";
import { CheckFailure } from "./CheckFailure.js";
import type { Counterexample, ProofCheck, ProofReport, ProofSettings } from "./proofReport.js";
import { type WorstMargins, worstMargins } from "./worstMargins.js";

/** k values sampled, and the longest length each k is enumerated exhaustively at (capped by maxN). */
const SAMPLED_K = [1, 2, 3];
const EXHAUSTIVE: readonly (readonly [k: number, maxLength: number])[] = [
  [1, 8],
  [2, 8],
  [3, 4],
];

const VALID = "every sample is two-sided Dyck-k of the target length";
const EXACT = "steps = 4m + 3 and peak context = 2m + 2 (length 2m)";
const SAME = "compiled weights decode = E-FASP evaluator decode (canvases, edits, meters)";

interface Sample {
  readonly length: number;
  readonly steps: number;
  readonly peak: number;
}

/**
 * Theorem 5, checked on the construction of src/ap-mdm/dyck compiled to transformer weights:
 *  - sampling: for k = 1, 2, 3 and lengths 0, 2, 4, 8, … ≤ maxN, `runs` seeds each (fast-check draws them
 *    from `seed` and shrinks a failure to the smallest seed): the word is two-sided Dyck-k of the target
 *    length, in exactly 4m + 3 steps with peak context 2m + 2, and the E-FASP evaluator decodes the same
 *    seed identically;
 *  - reachability: for short lengths (k = 1, 2 up to 8, k = 3 up to 4, and ≤ maxN) a search over every
 *    choice of ties reaches exactly the brute-force set of two-sided Dyck-k words, each once.
 * Fitted bounds give the constants of steps and peak context in the length; margins are the smallest
 * attention-score and logit gaps over every forward pass of the `seed` sample at each (k, length).
 */
export async function proveThm5(settings: ProofSettings): Promise<ProofReport> {
  const checks: ProofCheck[] = [];
  const samples: Sample[] = [];
  const margins = worstMargins();
  let counterexample: Counterexample | null = null;
  const lengths = sampledLengths(settings.maxN);
  const sampleChecks = new Map([VALID, EXACT, SAME].map((name) => [name, { passed: true, cases: 0 }]));
  const fail = (check: string, message: string): never => {
    sampleChecks.get(check)!.passed = false;
    throw new CheckFailure(check, message);
  };
  for (const k of SAMPLED_K) {
    for (const length of lengths) {
      const c = dyckProgram(k, length);
      const { model } = compile(c.program);
      const weights = memoPredictor(weightsPredictor(model, settings.engine));
      const reference = memoPredictor(evaluatorPredictor(c.program));
      const result = fc.check(
        fc.property(fc.nat(), (seed) => {
          const s = sampleDyck(c, seed, { predictor: weights, trace: true });
          const m = s.decode.meters;
          sampleChecks.get(VALID)!.cases += 1;
          if (s.word.length !== length || !isTwoSidedDyck(s.word, k)) fail(VALID, `generated ${s.text || "ε"}, not a two-sided Dyck-${k} word of length ${length}`);
          samples.push({ length, steps: m.steps, peak: m.peakContext });
          sampleChecks.get(EXACT)!.cases += 1;
          const peak = length === 0 ? 1 : length + 2;
          if (m.steps !== dyckSteps(length) || m.peakContext !== peak) fail(EXACT, `${m.steps} steps and peak context ${m.peakContext}, not ${dyckSteps(length)} and ${peak}`);
          sampleChecks.get(SAME)!.cases += 1;
          const r = sampleDyck(c, seed, { predictor: reference, trace: true });
          if (JSON.stringify(traceOf(r)) !== JSON.stringify(traceOf(s))) fail(SAME, `the evaluator generates ${r.text || "ε"} (${r.decode.meters.steps} steps), the weights ${s.text || "ε"}`);
        }),
        { numRuns: settings.runs, seed: settings.seed },
      );
      if (result.failed && counterexample === null) {
        const error = result.errorInstance;
        const seed = result.counterexample?.[0] ?? -1;
        counterexample = {
          check: error instanceof CheckFailure ? error.check : VALID,
          program: `dyck-${k}`,
          n: length,
          input: [seed],
          message: error instanceof Error ? error.message : String(error),
          shrinks: result.numShrinks,
          replay: `apmdm dyck sample --k ${k} --length ${length} --seed ${seed}`,
        };
      }
      measureMargins(c, model, settings, margins);
    }
  }
  for (const [name, c] of sampleChecks) checks.push({ name, ...c });

  for (const [k, maxLength] of EXHAUSTIVE) {
    for (let length = 0; length <= Math.min(maxLength, settings.maxN); length += 2) {
      const c = dyckProgram(k, length);
      const e = enumerateApMdm(weightsPredictor(compile(c.program).model, settings.engine), c.initial, 1_000_000);
      const reached = e.finals.map((x) => Array.from(x, (t) => c.vocab.letterOf(t)).join());
      const words = allTwoSidedDyck(k, length).map((w) => w.join());
      const wordSet = new Set(words);
      const passed = reached.length === words.length && new Set(reached).size === reached.length && reached.every((w) => wordSet.has(w));
      checks.push({
        name: `k=${k}, length ${length}: every choice of ties reaches exactly the ${words.length} two-sided Dyck words (${reached.length} reached, ${e.states} canvases searched)`,
        passed,
        cases: words.length,
      });
      if (!passed && counterexample === null) {
        const missing = words.find((w) => !reached.includes(w));
        const word = missing ?? reached.find((w) => !wordSet.has(w)) ?? "";
        counterexample = {
          check: `k=${k}, length ${length}: reachability`,
          program: `dyck-${k}`,
          n: length,
          input: word.split(",").filter((x) => x !== "").map(Number),
          message: missing ? "a two-sided Dyck word no choice of ties generates" : "a generated word that is not two-sided Dyck, or one generated twice",
          shrinks: 0,
          replay: `apmdm prove thm5 --max-n ${length}`,
        };
      }
    }
  }

  const bounds = [
    fitBound("steps ≤ c1·length + c0", ["c1", "c0"], samples.map((s) => ({ x: s.length, y: s.steps }))),
    // Length 0 is the one exception (peak 1: [^] → [M] → []), so the context bound is fitted from length 2 on.
    fitBound("peak context ≤ c2·length + c3 (length ≥ 2)", ["c2", "c3"], samples.filter((s) => s.length >= 2).map((s) => ({ x: s.length, y: s.peak }))),
  ];
  return {
    theorem: "thm5",
    statement: "a stochastic AP-MDM generates exactly the two-sided Dyck-k words: every sample is valid and every word is reachable",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks,
    programs: SAMPLED_K.map((k) => `dyck-${k}`),
    sizes: lengths,
    runs: samples.length,
    bounds,
    margins: margins.margins(),
    counterexample,
  };
}

/**
 * The dense-count FLOPs of proveThm5's sampled decodes at these settings, for `apmdm prove`'s cost cap: per
 * k and length, `runs` seeds decoded by the weights and by the evaluator, and one more decode with a full
 * pass per step for the margins (≈ 2·runs + 2 decodes of dyckSteps(length) passes at peak context). Lengths
 * are compiled in increasing order and the count stops once it passes `limit` (it is then a lower bound),
 * so a huge --max-n costs nothing: its largest model is refused by size (mdm/too-large) before anything is
 * compiled.
 */
export function thm5Cost(settings: ProofSettings, limit: number): { readonly flops: number; readonly detail: string } {
  const lengths = sampledLengths(settings.maxN);
  for (const k of SAMPLED_K) checkDyckSize(k, lengths.at(-1)!);
  let flops = 0;
  for (const length of lengths) {
    for (const k of SAMPLED_K) {
      const { config } = compile(dyckProgram(k, length).program).model;
      flops += (2 * settings.runs + 2) * dyckSteps(length) * passFlops(config, length + 2);
    }
    if (flops > limit) return { flops, detail: `counting lengths up to ${length} of the ${lengths.length} swept up to ${settings.maxN}, k = ${SAMPLED_K.join(", ")}, ${settings.runs} runs` };
  }
  return { flops, detail: `${lengths.length} lengths up to ${settings.maxN}, k = ${SAMPLED_K.join(", ")}, ${settings.runs} runs` };
}

/** What two decodes of the same seed must share: every canvas and edit script, and the meters but the forward-pass costs. */
function traceOf(s: ReturnType<typeof sampleDyck>) {
  return { canvases: s.decode.trace!.canvases.map((c) => Array.from(c)), edits: s.decode.trace!.edits, meters: { ...s.decode.meters, flops: 0, work: 0, fullPasses: 0 } };
}

/** Decodes one sampled generation and records the smallest gaps of each of its forward passes. */
function measureMargins(c: DyckConstruction, model: Transformer, { seed, engine }: ProofSettings, margins: WorstMargins): void {
  let step = 0;
  const predictor = observedPredictor(weightsPredictor(model, engine), (p) => margins.seePrediction(p, `dyck-${c.k} length ${c.length} seed ${seed} step ${++step}`));
  sampleDyck(c, seed, { predictor });
}

/** 0, 2, 4, 8, 16, … up to maxN, and maxN itself when even. */
function sampledLengths(maxN: number): number[] {
  const out = [0, 2];
  for (let n = 4; n <= maxN; n *= 2) out.push(n);
  if (maxN % 2 === 0 && !out.includes(maxN)) out.push(maxN);
  return out.filter((n) => n <= maxN).sort((a, b) => a - b);
}
