import fc from "fast-check";
import { UserError } from "../errors.js";
import { decodeBounds } from "../mdm/decodeBounds.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import { plotSizes } from "./plotSizes.js";
import type { PramRunSummary } from "./pramRunSummary.js";
import type { PlotModel, Regressor, SeriesSource } from "./seriesSource.js";

export interface SweepSettings {
  /** Library program names, in plot order. */
  readonly programs: readonly string[];
  /** Largest n: the sweep takes the powers of two up to it that the program is valid for. */
  readonly maxN: number;
  /** Largest n for the one-token-per-step processes (ARM, Masked-ARM), whose steps grow as P·T. */
  readonly maxNTokenwise: number;
  /** Seed of the one input drawn per (program, n) from the program's own input generator. */
  readonly seed: number;
}

/** One process measured on one program at one input. */
export interface SweepPoint {
  readonly program: string;
  readonly n: number;
  readonly input: readonly number[];
  readonly model: PlotModel;
  readonly steps: number;
  readonly context: number;
  /** The regressors of this (program, input), from the PRAM run beside it. */
  readonly x: Readonly<Record<Regressor, number>>;
}

/**
 * Runs every source on every (program, n): one input per n, drawn with the given seed, the PRAM run first
 * (its output is the reference every decoder must reproduce, and its meters the regressors).
 */
export async function sweep(
  settings: SweepSettings,
  sources: readonly SeriesSource[],
  onProgress: (done: number, total: number, what: string) => void = () => {},
): Promise<SweepPoint[]> {
  const plan = sweepPlan(settings);
  const runs = sourcesAt(settings, sources);
  const total = plan.reduce((k, p) => k + p.sizes.reduce((m, n) => m + runs(n).length, 0), 0);
  const points: SweepPoint[] = [];
  for (const { entry, program, sizes } of plan) {
    for (const n of sizes) {
      const instance = instantiate(program, n);
      const input = fc.sample(entry.inputs(n), { seed: settings.seed, numRuns: 1 })[0];
      const run = runPram(instance, input);
      const pram: PramRunSummary = {
        output: run.output,
        T: run.meters.T,
        processors: instance.processors,
        stepBound: instance.stepBound,
        memory: instance.memory,
      };
      const x = { T: pram.T, PT: pram.processors * pram.stepBound, S: pram.memory + pram.processors * (instance.registers + 1) };
      for (const source of runs(n)) {
        onProgress(points.length, total, `${entry.name} n=${n} ${source.label}`);
        const m = await source.measure(instance, input, pram);
        if (m.output.join() !== pram.output.join()) {
          throw new Error(`${source.label} on ${entry.name} input ${input.join()}: output ${m.output.join()} ≠ PRAM ${pram.output.join()}`);
        }
        points.push({ program: entry.name, n, input, model: source.model, steps: m.steps, context: m.context, x });
      }
    }
  }
  onProgress(points.length, total, "done");
  return points;
}

/** The programs of a sweep, each with the sizes n it is run at. */
function sweepPlan(settings: SweepSettings) {
  return settings.programs.map((name) => {
    const entry = library.find((e) => e.name === name);
    if (!entry) throw new UserError("plot/program", `'${name}' is not a library program (${library.map((e) => e.name).join(", ")})`);
    const program = loadProgram(name);
    return { entry, program, sizes: plotSizes(program, settings.maxN) };
  });
}

/** The sources run at size n: the one-token-per-step processes only up to maxNTokenwise. */
function sourcesAt(settings: SweepSettings, sources: readonly SeriesSource[]) {
  return (n: number) => sources.filter((s) => !s.tokenwise || n <= settings.maxNTokenwise);
}

/**
 * What a sweep will cost, before it runs: Σ over its decodes of steps × context² (decodeBounds), the
 * query–key pairs one attention head of dimension 1 scores — a lower bound on the work of any forward
 * passes over those canvases. Every decode's instance is checked first: one too wide to compile or too
 * large to fit is refused (mdm/word-size, mdm/too-large) before anything runs.
 */
export function sweepCost(settings: SweepSettings, sources: readonly SeriesSource[]): { readonly pairs: number; readonly decodes: number } {
  const runs = sourcesAt(settings, sources);
  let pairs = 0;
  let decodes = 0;
  for (const { program, sizes } of sweepPlan(settings)) {
    for (const n of sizes) {
      const instance = instantiate(program, n);
      for (const source of runs(n)) {
        if (source.model === "pram") continue;
        const { steps, context } = decodeBounds(instance, source.model);
        pairs += steps * context * context;
        decodes += 1;
      }
    }
  }
  return { pairs, decodes };
}
