import fc from "fast-check";
import { dyckProgram } from "../ap-mdm/dyck/dyckProgram.js";
import { parityProgram } from "../ap-mdm/parity/parityProgram.js";
import { arbitraryProgram as generatedPrograms } from "../efasp/arbitraryProgram.js";
import { compile } from "../efasp/compile.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { compileThm2, type Thm2Program } from "../thm2/compileThm2.js";
import { runThm2 } from "../thm2/runThm2.js";
import { fitBound } from "./fitBound.js";
import { checkedPrograms } from "./librarySweep.js";
import type { Counterexample, ProofReport, ProofSettings } from "./proofReport.js";

/**
 * Theorem 1 models `prove thm2` and `npm run bench -- thm2` run: canvases of at most THM2_MAX_CANVAS
 * positions (longer ones are not compiled: validation alone runs the whole decode) whose program declares
 * at most THM2_MAX_STEPS steps (T is about half the declared bound, a pass about 450·S² steps, and the
 * interpreter runs ~50 M steps/s on one core). At `--max-n 4` that is every library program at n ≤ 2 but
 * connected-components (S = 417 at n = 1: 70 passes, 9·10⁹ declared), and sum, max, parity, broadcast
 * at n = 4; `apmdm thm2` runs any other on a saved model.
 */
export const THM2_MAX_CANVAS = 600;
export const THM2_MAX_STEPS = 2e9;

/** One Theorem 1 model of the library and a canvas for it: BOS, the input's tokens, then masks. */
export interface Thm2LibraryCase {
  readonly program: string;
  readonly n: number;
  readonly input: readonly number[];
  readonly model: Transformer;
  readonly canvas: Int32Array;
}

/** The Theorem 1 MDM of each library program at every test size n ≤ maxN within THM2_MAX_CANVAS, one generated input each. */
export function* thm2LibraryCases(settings: ProofSettings): Generator<Thm2LibraryCase> {
  for (const entry of checkedPrograms(settings)) {
    for (const n of entry.testSizes) {
      if (n > settings.maxN) continue;
      const construction = constructMdm(instantiate(loadProgram(entry.name), n));
      const S = construction.layout.length;
      if (S > THM2_MAX_CANVAS) continue;
      const [input] = fc.sample(entry.inputs(n), { numRuns: 1, seed: settings.seed });
      const { vocab } = construction;
      const canvas = new Int32Array(S).fill(vocab.mask);
      canvas.set([vocab.bos, ...input.map((v) => vocab.value(v))]);
      yield { program: entry.name, n, input, model: compiledPredictor(construction.program(false)).model, canvas };
    }
  }
}

/** Generated E-FASP programs checked per `--runs`. */
const GENERATED_PER_RUN = 10;

const EQUAL = "PRAM(1) final canvas, end and passes = the model's own decode";
const BOUND = "T ≤ the program's declared worst-case step bound";

/**
 * Theorem 2, checked: for every model we can compile small enough — the Theorem 1 MDM of each library
 * program at every n ≤ maxN (thm2LibraryCases) whose program declares at most THM2_MAX_STEPS steps, the Dyck (k = 2, length 6) and parity (length ≤ 8) models on `runs` random short canvases, and
 * GENERATED_PER_RUN·runs generated E-FASP programs compiled to weights on random short canvases — the
 * one-processor program of compileThm2 ends as the model's decode does, with the same canvas, and
 * T ≤ c·S³ + c0 over all of them, S the context (the canvas length), c fitted; and, finer, a pass costs
 * O(S²): T ≤ c·passes·S² + c0.
 */
export async function proveThm2(settings: ProofSettings): Promise<ProofReport> {
  const tallies = new Map<string, { passed: boolean; cases: number }>();
  const note = (name: string, ok: boolean) => {
    const c = tallies.get(name) ?? { passed: true, cases: 0 };
    tallies.set(name, { passed: c.passed && ok, cases: c.cases + 1 });
  };
  const points: { x: number; y: number }[] = [];
  const perPass: { x: number; y: number }[] = [];
  const names: string[] = [];
  const sizes = new Set<number>();
  let counterexample: Counterexample | null = null;
  let runs = 0;
  /** One decode; returns the failure's message, or null. */
  const check = (model: Transformer, canvas: Int32Array, program: Thm2Program | null = null): string | null => {
    runs += 1;
    let message: string | null = null;
    try {
      const compiled = program ?? compileThm2(model, canvas);
      const run = runThm2(compiled, model, canvas);
      const { T } = run.pram.meters;
      const S = canvas.length;
      note(EQUAL, run.equal);
      note(BOUND, T <= compiled.stepBound);
      points.push({ x: S ** 3, y: T });
      perPass.push({ x: run.pram.steps * S ** 2, y: T });
      if (!run.equal) message = `PRAM(1) ${run.pram.end} with ${run.pram.canvas.join(",")}, the model ${run.model.end} with ${run.model.canvas.join(",")}`;
    } catch (e) {
      note(EQUAL, false);
      message = e instanceof Error ? e.message : String(e);
    }
    return message;
  };
  const fail = (c: Counterexample) => {
    if (counterexample === null) counterexample = c;
  };

  for (const { program: name, n, input, model, canvas } of thm2LibraryCases(settings)) {
    let program: Thm2Program | null = null;
    try {
      program = compileThm2(model, canvas);
    } catch {
      // check compiles again and reports the error as this case's failure
    }
    if (program !== null && program.stepBound > THM2_MAX_STEPS) continue;
    if (!names.includes(name)) names.push(name);
    sizes.add(n);
    const message = check(model, canvas, program);
    if (message !== null) {
      const tokens = Array.from(canvas).join(",");
      const replay = `apmdm compile ${name} --n ${n} --out DIR && apmdm thm2 DIR --tokens ${tokens}`;
      fail({ check: EQUAL, program: name, n, input, message, shrinks: 0, replay });
    }
  }

  const dyck = dyckProgram(2, 6);
  const others: [string, Transformer, number, number][] = [
    ["dyck (k = 2, length 6)", compile(dyck.program).model, dyck.vocab.names.length, 8],
    ["parity (length ≤ 8)", compile(parityProgram(8)).model, 3, 8],
  ];
  for (const [name, model, V, maxLength] of others) {
    names.push(name);
    const cells = fc.array(fc.tuple(fc.nat(V - 1), fc.boolean()), { minLength: 1, maxLength });
    for (const c of fc.sample(cells, { numRuns: settings.runs, seed: settings.seed })) {
      const canvas = Int32Array.from(c, ([t, masked]) => (masked ? model.config.maskToken : t));
      const message = check(model, canvas);
      if (message !== null) fail({ check: EQUAL, program: name, n: canvas.length, input: Array.from(canvas), message, shrinks: 0, replay: `apmdm prove thm2 --seed ${settings.seed} --runs ${settings.runs}` });
    }
  }

  names.push("generated E-FASP programs");
  const canvases = fc.array(fc.tuple(fc.nat(7), fc.boolean()), { minLength: 1, maxLength: 8 });
  const result = fc.check(
    fc.property(generatedPrograms, canvases, (g, cells) => {
      const { model } = compile(g.program);
      const canvas = Int32Array.from(cells, ([t, masked]) => (masked ? model.config.maskToken : t % g.recipe.V));
      const message = check(model, canvas);
      if (message !== null) throw new Error(message);
    }),
    { numRuns: GENERATED_PER_RUN * settings.runs, seed: settings.seed },
  );
  if (result.failed && result.counterexample) {
    const [g, cells] = result.counterexample;
    fail({
      check: EQUAL,
      program: `generated: ${g.recipe.steps.length} steps, V = ${g.recipe.V}`,
      n: cells.length,
      input: cells.map(([t, masked]) => (masked ? 0 : t % g.recipe.V)),
      message: result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance),
      shrinks: result.numShrinks,
      replay: `apmdm prove thm2 --seed ${settings.seed} --runs ${settings.runs}`,
    });
  }

  const bounds = [
    fitBound("T ≤ c·S³ + c0  (T: PRAM(1) steps; S: the context)", ["c", "c0"], points),
    fitBound("T ≤ c·passes·S² + c0  (each forward pass O(S²))", ["c", "c0"], perPass),
  ];
  const checks = [...tallies].map(([name, c]) => ({ name, ...c }));
  return {
    theorem: "thm2",
    statement: "one PRAM processor runs any integer MDM's decode exactly, in O(S³) steps for context S",
    passed: checks.every((c) => c.passed) && bounds.every((b) => b.holds) && counterexample === null,
    settings,
    checks,
    programs: names,
    sizes: [...sizes].sort((a, b) => a - b),
    runs,
    bounds,
    margins: [],
    counterexample,
  };
}
