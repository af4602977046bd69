import fc from "fast-check";
import { arbitraryCircuit } from "../circuit/arbitraryCircuit.js";
import type { Circuit } from "../circuit/circuit.js";
import { circuitDistribution } from "../circuit/circuitDistribution.js";
import { formatCircuit } from "../circuit/formatCircuit.js";
import { evenParity } from "../circuit/library/evenParity.js";
import { evenParityPairs } from "../circuit/library/evenParityPairs.js";
import { circuitLibrary } from "../circuit/library/index.js";
import { compile } from "../efasp/compile.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { chiSquare } from "../sampling/chiSquare.js";
import { sameDistribution } from "../sampling/distribution.js";
import { exactDistribution } from "../sampling/exactDistribution.js";
import { buildSampler, type Sampler, type SamplerModel } from "../sampling/sampler.js";
import { sampleOnce } from "../sampling/sampleOnce.js";
import { forward } from "../transformer/forward.js";
import { fitBound } from "./fitBound.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Counterexample, ProofCheck, ProofReport, ProofSettings } from "./proofReport.js";
import { CheckFailure } from "./CheckFailure.js";
import { type WorstMargins, worstMargins } from "./worstMargins.js";

const CIRCUIT_MODELS: readonly SamplerModel[] = ["mdm", "arm", "ap-mdm"];
/** Library circuits with at most this many random bits also have their decode's exact distribution enumerated. */
const EXACT_BITS = 6;
/** Seeded samples of the goodness-of-fit check, and the p-value below which it fails. */
const FIT_SAMPLES = 400;
const FIT_P = 1e-6;

const EXACT = "exact output distribution of the decode = the circuit's (as rationals)";
const STEPS = "MDM steps = depth + 1, ARM steps = size, AP-MDM steps ≤ depth + 3";
const SPACE = "MDM context = size; AP-MDM peak context ≤ 2·leveled width + outputs";
const SUPPORT = "every sample is an output the circuit can produce";
const PARITY = "the even-parity AP-MDM: 4 steps for every n, every sample of even parity";

interface Point {
  readonly model: SamplerModel;
  readonly depth: number;
  readonly size: number;
  readonly width: number;
  readonly outputs: number;
  readonly n: number;
  readonly steps: number;
  readonly context: number;
}

/**
 * Seed 004's claims on compiled weights:
 *  1. MDM with CoT samples a depth-d circuit in d + 1 steps (ARM: size steps);
 *  2. the remasking AP-MDM does it in ≤ d + 3 steps with peak context ≤ 2·(leveled width) + outputs;
 *  3. even parity: the AP-MDM in 4 steps for every n = 2, 4, …, 64 (whatever maxN); beside it the XOR-tree
 *     MDM's steps grow as log n.
 * Checked on generated circuits (`runs` of them, shrunk on failure; every model's exact output
 * distribution over the weights equals the circuit's) and on every library family at its sweep sizes ≤
 * maxN (`runs` seeds each; exact distributions where the circuit has ≤ 6 random bits; a seeded χ² test of
 * 400 samples against the circuit's distribution for the largest size). Constants are fitted per claim.
 */
export async function proveSampling(settings: ProofSettings): Promise<ProofReport> {
  const checks = new Map<string, { passed: boolean; cases: number }>([EXACT, STEPS, SPACE, SUPPORT, PARITY].map((c) => [c, { passed: true, cases: 0 }]));
  const extra: ProofCheck[] = [];
  const points: Point[] = [];
  const margins = worstMargins();
  let counterexample: Counterexample | null = null;
  const record = (check: string, ok: boolean, where: () => Omit<Counterexample, "check" | "shrinks">) => {
    const c = checks.get(check)!;
    c.cases += 1;
    if (ok) return;
    c.passed = false;
    counterexample ??= { check, shrinks: 0, ...where() };
  };
  const laws = (s: Sampler, steps: number, context: number) => {
    const m = s.shape;
    const stepsOk = s.model === "mdm" ? steps === m.depth + 1 : s.model === "arm" ? steps === m.size : steps <= m.depth + 3;
    const spaceOk = s.model === "mdm" ? context === m.size : s.model === "ap-mdm" ? context <= 2 * m.leveledWidth + m.outputs : true;
    return { stepsOk, spaceOk };
  };

  // Generated circuits: every model, exact distributions over the weights.
  const generated = fc.check(
    fc.property(arbitraryCircuit(), fc.nat(), (circuit, seed) => {
      const want = circuitDistribution(circuit);
      for (const model of CIRCUIT_MODELS) {
        const s = buildSampler(circuit, model);
        const predictor = weightsPredictor(compile(s.program).model, settings.engine);
        const exact = sameDistribution(exactDistribution(s, predictor).distribution, want);
        checks.get(EXACT)!.cases += 1;
        if (!exact) throw new CheckFailure(EXACT, `${model}: the decode's exact distribution differs from the circuit's`);
        const run = sampleOnce(s, predictor, seed);
        const { stepsOk, spaceOk } = laws(s, run.steps, run.context);
        checks.get(STEPS)!.cases += 1;
        if (!stepsOk) throw new CheckFailure(STEPS, `${model}: ${run.steps} steps at depth ${s.shape.depth}, size ${s.shape.size}`);
        checks.get(SPACE)!.cases += 1;
        if (!spaceOk) throw new CheckFailure(SPACE, `${model}: context ${run.context} at leveled width ${s.shape.leveledWidth}`);
      }
    }),
    { numRuns: settings.runs, seed: settings.seed },
  );
  if (generated.failed) {
    const e = generated.errorInstance;
    const check = e instanceof CheckFailure ? e.check : EXACT;
    checks.get(check)!.passed = false;
    const circuit = generated.counterexample![0] as Circuit;
    counterexample = {
      check,
      program: `generated circuit: ${formatCircuit(circuit).trim().replaceAll("\n", "; ")}`,
      n: circuit.gates.length,
      input: [generated.counterexample![1] as number],
      message: e instanceof Error ? e.message : String(e),
      shrinks: generated.numShrinks,
      replay: `apmdm prove sampling --seed ${settings.seed} --runs ${settings.runs}`,
    };
  }

  // The library at its sweep sizes.
  const sizes = new Set<number>();
  for (const entry of circuitLibrary) {
    const ns = entry.sweep.filter((n) => n <= settings.maxN);
    for (const n of ns) {
      sizes.add(n);
      const circuit = entry.build(n);
      const want = circuit.gates.filter((g) => g.op === "RAND").length <= 20 ? circuitDistribution(circuit) : null;
      for (const model of CIRCUIT_MODELS) {
        const s = buildSampler(circuit, model);
        const { model: weights } = compile(s.program);
        const predictor = weightsPredictor(weights, settings.engine);
        const where = (seed: number) => ({ program: entry.name, n, input: [seed], message: "", replay: `apmdm sample ${entry.name} --n ${n} --model ${model} --seed ${seed}` });
        for (let k = 0; k < settings.runs; k++) {
          const seed = settings.seed + k;
          const run = sampleOnce(s, predictor, seed, k === 0);
          const { stepsOk, spaceOk } = laws(s, run.steps, run.context);
          record(STEPS, stepsOk, () => ({ ...where(seed), message: `${model}: ${run.steps} steps at depth ${s.shape.depth}, size ${s.shape.size}` }));
          record(SPACE, spaceOk, () => ({ ...where(seed), message: `${model}: context ${run.context}` }));
          if (want) record(SUPPORT, want.has(run.output), () => ({ ...where(seed), message: `sampled ${run.output}, which the circuit never outputs` }));
          const m = s.shape;
          points.push({ model, depth: m.depth, size: m.size, width: m.leveledWidth, outputs: m.outputs, n, steps: run.steps, context: run.context });
          if (k === 0) measureMargins(weights, s, run.canvases!, `${entry.name} n=${n} ${model} seed ${seed}`, margins);
        }
        if (want && s.shape.randomBits <= EXACT_BITS) {
          const ok = sameDistribution(exactDistribution(s, predictor).distribution, want);
          record(EXACT, ok, () => ({ ...where(settings.seed), message: `${model}: the decode's exact distribution differs from the circuit's` }));
        }
      }
      if (n === ns[ns.length - 1] && want) {
        const s = buildSampler(circuit, "mdm");
        const predictor = weightsPredictor(compile(s.program).model, settings.engine);
        const fit = chiSquare(Array.from({ length: FIT_SAMPLES }, (_, k) => sampleOnce(s, predictor, settings.seed + k).output), want);
        extra.push({
          name: `${entry.name} n=${n}, ${FIT_SAMPLES} seeded MDM samples: χ² = ${fit.chiSquare.toFixed(2)} over ${fit.bins} bins (${fit.degreesOfFreedom} df), p = ${fit.pValue.toPrecision(3)} (fails below ${FIT_P}), ${fit.outside} outside the support`,
          passed: fit.outside === 0 && fit.pValue >= FIT_P,
          cases: FIT_SAMPLES,
        });
      }
    }
  }

  // Even parity: the constant-step AP-MDM and the XOR-tree MDM.
  const parityNs = [2, 4, 8, 16, 32, 64];
  const parityPoints: { x: number; y: number }[] = [];
  const treePoints: { x: number; y: number }[] = [];
  for (const n of parityNs) {
    const s = buildSampler(evenParityPairs.build(n), "ap-mdm-parity");
    const predictor = weightsPredictor(compile(s.program).model, settings.engine);
    const tree = buildSampler(evenParity.build(n), "mdm");
    const treePredictor = weightsPredictor(compile(tree.program).model, settings.engine);
    for (let k = 0; k < settings.runs; k++) {
      const seed = settings.seed + k;
      const run = sampleOnce(s, predictor, seed);
      const even = [...run.output].filter((b) => b === "1").length % 2 === 0;
      record(PARITY, even && run.steps === 4 && run.output.length === n, () => ({ program: "even-parity", n, input: [seed], message: `${run.output} in ${run.steps} steps`, replay: `apmdm sample even-parity --n ${n} --model ap-mdm-parity --seed ${seed}` }));
      parityPoints.push({ x: n, y: run.steps });
      treePoints.push({ x: Math.ceil(Math.log2(n - 1 || 1)), y: sampleOnce(tree, treePredictor, seed).steps });
    }
  }

  const by = (model: SamplerModel, x: (p: Point) => number, y: (p: Point) => number) => points.filter((p) => p.model === model).map((p) => ({ x: x(p), y: y(p) }));
  const bounds = [
    fitBound("MDM steps ≤ c1·depth + c0", ["c1", "c0"], by("mdm", (p) => p.depth, (p) => p.steps)),
    fitBound("ARM steps ≤ c1·size + c0", ["c1", "c0"], by("arm", (p) => p.size, (p) => p.steps)),
    fitBound("AP-MDM steps ≤ c1·depth + c0", ["c1", "c0"], by("ap-mdm", (p) => p.depth, (p) => p.steps)),
    fitBound("AP-MDM peak context − outputs ≤ c1·(leveled width) + c0", ["c1", "c0"], by("ap-mdm", (p) => p.width, (p) => p.context - p.outputs)),
    fitBound("MDM context ≤ c1·size + c0", ["c1", "c0"], by("mdm", (p) => p.size, (p) => p.context)),
    fitBound("even-parity AP-MDM steps ≤ c1·n + c0 (c1 = 0: constant in n)", ["c1", "c0"], parityPoints),
    fitBound("even-parity XOR-tree MDM steps ≤ c1·⌈log₂(n − 1)⌉ + c0", ["c1", "c0"], treePoints),
  ];
  const constantParity = bounds[5].constants[0].exact === "0";
  const allChecks: ProofCheck[] = [
    ...[...checks].map(([name, c]) => ({ name, ...c })),
    { name: "the even-parity AP-MDM's fitted slope in n is exactly 0", passed: constantParity, cases: parityPoints.length },
    ...extra,
  ];
  return {
    theorem: "sampling",
    statement: "MDM with CoT samples a depth-d circuit in d + O(1) steps (ARM: size); with remasking in space O(width); even parity in O(1) steps with remasking",
    passed: allChecks.every((c) => c.passed) && bounds.every((b) => b.holds),
    settings,
    checks: allChecks,
    programs: circuitLibrary.map((e) => e.name),
    sizes: [...sizes].sort((a, b) => a - b),
    runs: points.length + parityPoints.length + settings.runs,
    bounds,
    margins: margins.margins(),
    counterexample,
  };
}

/**
 * Reruns the forward pass of every step of one traced decode and records its smallest gaps: the pass reads
 * the canvas before the step (ARM: the prefix with the appended mask).
 */
function measureMargins(model: Transformer, s: Sampler, canvases: readonly Int32Array[], at: string, margins: WorstMargins): void {
  canvases.slice(0, -1).forEach((canvas, step) => {
    const input = s.decode === "arm" ? Int32Array.of(...canvas, model.config.maskToken) : canvas;
    margins.see(forward(model, input).meter, `${at} step ${step + 1}`);
  });
}

