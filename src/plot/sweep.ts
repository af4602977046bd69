import fc from "fast-check";
import { UserError } from "../errors.js";
import { decodeBounds } from "../mdm/decodeBounds.js";
import { decodeRefusal } from "../mdm/decodeRefusal.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { PramProgram } from "../pram/pramProgram.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import { budgetClock } from "./budgetClock.js";
import { plotSizes } from "./plotSizes.js";
import type { PramRunSummary } from "./pramRunSummary.js";
import type { PlotModel, Regressor, SeriesSource } from "./seriesSource.js";

export interface SweepSettings {
  /** Library program names, in plot order. */
  readonly programs: readonly string[];
  /** Largest n: the sweep takes the sizes of plotSizes up to it. */
  readonly maxN: number;
  /** Largest n for the one-token-per-step processes (ARM, Masked-ARM), whose steps grow as P·T. */
  readonly maxNTokenwise: number;
  /** Seed of the one input drawn per (program, n) from the program's own input generator. */
  readonly seed: number;
  /**
   * Seconds for the whole sweep, or null for none. With a budget every series (one process on one program)
   * gets an equal share of what is left when the sweep reaches its program (budgetClock) and stops growing n
   * before a size whose predicted time (the last size's time × (n'/n)²) would overrun its share or the
   * sweep's; the sizes reached are then a property of the machine,
   * not of the settings (sweep.json records them), while every figure measured stays exact.
   */
  readonly budget: number | null;
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

/** How the sweep reports progress: the bar's counts, and a line per finished (program, n). */
export interface SweepProgress {
  readonly update?: (done: number, total: number, what: string) => void;
  readonly sizeDone?: (line: string) => void;
}

/** Which (program, model, n) to measure when the sizes are given rather than swept (e.g. a drift check of committed plots). */
export type SweepSchedule = (program: string, model: PlotModel, n: number) => boolean;

/**
 * Runs every source on every (program, n): one input per n, drawn with the given seed, the PRAM run first
 * (its output is the reference every decoder must reproduce, and its meters the regressors). A size where
 * no decoder is left to run (budget, maxNTokenwise, schedule) is skipped, the PRAM with it.
 */
export async function sweep(settings: SweepSettings, sources: readonly SeriesSource[], progress: SweepProgress = {}, schedule?: SweepSchedule): Promise<SweepPoint[]> {
  const plan = sweepPlan(settings);
  const decoders = sources.filter((s) => s.model !== "pram");
  const clock = budgetClock(settings.budget, plan.length * decoders.length);
  // A budgeted sweep runs to whatever size time allows: a size the layouts refuse (too wide, too long) ends its series.
  const refused = new Map<string, boolean>();
  const fits = (name: string, source: SeriesSource, n: number) => {
    const key = `${name} ${source.model} ${n}`;
    if (!refused.has(key)) refused.set(key, !bounded(plan.find((p) => p.entry.name === name)!.program, n, source));
    return !refused.get(key);
  };
  const cells = plan.flatMap(({ entry, program, sizes }) => sizes.map((n) => ({ entry, program, n })));
  /** The sources to run at a cell: the decoders still growing there, and the PRAM beside them (none when no decoder is left). */
  const running = ({ entry, n }: (typeof cells)[number]) => {
    const grown = sourcesAt(settings, decoders)(n).filter((s) => (schedule ? schedule(entry.name, s.model, n) : clock.grows(`${entry.name} ${s.model}`, n) && fits(entry.name, s, n)));
    return grown.length === 0 ? [] : sources.filter((s) => s.model === "pram" || grown.includes(s));
  };
  // A budgeted sweep first runs the decoders of its first cell once, untimed: the JIT's warm-up would
  // otherwise inflate the first series' times and stop them a size or two early.
  if (settings.budget !== null && cells.length > 0) {
    const { entry, program, n } = cells[0];
    const instance = instantiate(program, n);
    const input = fc.sample(entry.inputs(n), { seed: settings.seed, numRuns: 1 })[0];
    const pram = pramSummary(instance, input);
    for (const source of decoders) await source.measure(instance, input, pram);
  }
  const points: SweepPoint[] = [];
  for (const [i, cell] of cells.entries()) {
    // Reaching a program, its series and the later programs' share what is left of the budget.
    if (i === 0 || cells[i - 1].entry !== cell.entry) clock.begin((plan.length - plan.findIndex((p) => p.entry === cell.entry)) * decoders.length);
    const runs = running(cell);
    if (runs.length === 0) continue;
    const { entry, program, n } = cell;
    const total = points.length + cells.slice(i).reduce((k, c) => k + running(c).length, 0);
    const instance = instantiate(program, n);
    const input = fc.sample(entry.inputs(n), { seed: settings.seed, numRuns: 1 })[0];
    const pram = pramSummary(instance, input);
    const x = { T: pram.T, PT: pram.processors * pram.stepBound, S: pram.memory + pram.processors * (instance.registers + 1) };
    const times: string[] = [];
    for (const source of runs) {
      progress.update?.(points.length, total, `${entry.name} n=${n} ${source.label}`);
      const started = performance.now();
      const m = await source.measure(instance, input, pram);
      const seconds = (performance.now() - started) / 1000;
      if (m.output.join() !== pram.output.join()) {
        throw new Error(`${source.label} on ${entry.name} input ${input.join()}: output ${m.output.join()} ≠ PRAM ${pram.output.join()}`);
      }
      points.push({ program: entry.name, n, input, model: source.model, steps: m.steps, context: m.context, x });
      if (source.model === "pram") continue;
      clock.spent(`${entry.name} ${source.model}`, n, seconds);
      times.push(`${source.label} ${seconds.toFixed(1)} s`);
    }
    progress.sizeDone?.(`${entry.name} n=${n}: ${times.join(", ")}`);
  }
  progress.update?.(points.length, points.length, "done");
  return points;
}

/** The PRAM interpreter's run of an instance: its output (every decoder's reference) and meters. */
function pramSummary(instance: PramInstance, input: readonly number[]): PramRunSummary {
  const run = runPram(instance, input);
  return { output: run.output, T: run.meters.T, processors: instance.processors, stepBound: instance.stepBound, memory: instance.memory };
}

/** The programs of a sweep, each with the sizes n it is run at. */
function sweepPlan(settings: SweepSettings) {
  return sweepPrograms(settings).map((p) => ({ ...p, sizes: [...plotSizes(p.program, settings.maxN)] }));
}

/** The library programs a sweep names, each name checked before any is loaded. */
function sweepPrograms(settings: SweepSettings) {
  const unknown = settings.programs.find((name) => !library.some((e) => e.name === name));
  if (unknown !== undefined) throw new UserError("plot/program", `'${unknown}' is not a library program (${library.map((e) => e.name).join(", ")})`);
  return settings.programs.map((name) => ({ entry: library.find((e) => e.name === name)!, program: loadProgram(name) }));
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
  // Program by program, n ascending and the sizes found lazily: a refusal stops the estimate at the first
  // size refused, before the sizes beyond it are searched (plot --max-n 100000 took 8 s to find them).
  for (const { program } of sweepPrograms(settings)) {
    for (const n of plotSizes(program, settings.maxN)) {
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

/** Whether the decode of `source` at n passes the layouts' checks (decodeRefusal). */
function bounded(program: PramProgram, n: number, source: SeriesSource): boolean {
  return source.model === "pram" || decodeRefusal(instantiate(program, n), source.model) === null;
}
