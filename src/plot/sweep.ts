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
import { inThread, type TaskPool } from "../parallel/taskPool.js";
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

/** A (program, n) where some decoder runs: its input, the PRAM's run on it, and each decoder's point and seconds. */
interface Cell {
  readonly instance: PramInstance;
  readonly input: readonly number[];
  readonly pram: PramRunSummary;
  readonly x: Readonly<Record<Regressor, number>>;
  readonly measured: Map<SeriesSource, { readonly point: SweepPoint; readonly seconds: number }>;
}

/** One decoder on one program: the sizes it may run at, the next one to decide, whether a decode is running. */
interface Series {
  readonly program: number;
  readonly source: SeriesSource;
  /** The source's place in `sources`: a decode's rank is (program, n, place). */
  readonly place: number;
  readonly key: string;
  readonly sizes: readonly number[];
  next: number;
  running: number | null;
  ended: boolean;
}

/**
 * Runs every source on every (program, n): one input per n, drawn with the given seed, the PRAM run first
 * (its output is the reference every decoder must reproduce, and its meters the regressors). A size where
 * no decoder is left to run (budget, maxNTokenwise, schedule) is skipped, the PRAM with it.
 *
 * Each series (one decoder on one program) grows n in order, and up to pool.threads decodes run at once
 * (SeriesSource.measure sends them to the pool): a free thread takes the first ready decode by rank
 * (program, then n, then the source's place), so one thread runs them in exactly that order, and a second
 * thread runs the next series' decode beside it. The points come back in rank order, whatever ran where;
 * without a budget (which decides sizes by time) they are the same for every thread count. A failed decode
 * ends the sweep with the error of the first failing decode by rank (the decodes before it are still run),
 * as one thread would have raised it. A line per finished (program, n) goes to progress.sizeDone once
 * every series of its program has passed n.
 */
export async function sweep(settings: SweepSettings, sources: readonly SeriesSource[], progress: SweepProgress = {}, schedule?: SweepSchedule, pool: TaskPool = inThread): Promise<SweepPoint[]> {
  const plan = sweepPlan(settings);
  const decoders = sources.filter((s) => s.model !== "pram");
  const clock = budgetClock(settings.budget, pool.threads);
  // A budgeted sweep runs to whatever size time allows: a size the layouts refuse (too wide, too long) ends its series.
  const refused = new Map<string, boolean>();
  const fits = (name: string, source: SeriesSource, n: number) => {
    const key = `${name} ${source.model} ${n}`;
    if (!refused.has(key)) refused.set(key, !bounded(plan.find((p) => p.entry.name === name)!.program, n, source));
    return !refused.get(key);
  };
  const series: Series[][] = plan.map(({ entry, sizes }, program) =>
    decoders.map((source) => ({ program, source, place: sources.indexOf(source), key: `${entry.name} ${source.model}`, sizes: sizes.filter((n) => !source.tokenwise || n <= settings.maxNTokenwise), next: 0, running: null, ended: false })),
  );
  const runs = (s: Series, n: number) => {
    const name = plan[s.program].entry.name;
    return schedule ? schedule(name, s.source.model, n) : clock.grows(s.key, n) && fits(name, s.source, n);
  };
  /** The size a series runs at next (skipping those it may not run at), or null once it has no more: then it ends. */
  const decide = (s: Series): number | null => {
    while (s.next < s.sizes.length && !runs(s, s.sizes[s.next])) s.next += 1;
    if (s.next < s.sizes.length) return s.sizes[s.next];
    if (!s.ended) clock.end(s.key);
    s.ended = true;
    return null;
  };
  // A budgeted sweep first runs the decoders of its first cell once on every thread, untimed: the JIT's
  // warm-up would otherwise inflate the first series' times and stop them a size or two early.
  if (settings.budget !== null && plan.length > 0 && plan[0].sizes.length > 0) {
    const { entry, program, sizes } = plan[0];
    const instance = instantiate(program, sizes[0]);
    const input = fc.sample(entry.inputs(sizes[0]), { seed: settings.seed, numRuns: 1 })[0];
    const pram = pramSummary(instance, input);
    for (const source of decoders) await source.measure(instance, input, pram, onEveryThread(pool));
  }
  const cells = new Map<string, Cell>();
  const cellAt = (program: number, n: number): Cell => {
    const key = `${program} ${n}`;
    const known = cells.get(key);
    if (known) return known;
    const instance = instantiate(plan[program].program, n);
    const input = fc.sample(plan[program].entry.inputs(n), { seed: settings.seed, numRuns: 1 })[0];
    const pram = pramSummary(instance, input);
    const x = { T: pram.T, PT: pram.processors * pram.stepBound, S: pram.memory + pram.processors * (instance.registers + 1) };
    const cell = { instance, input, pram, x, measured: new Map() };
    cells.set(key, cell);
    return cell;
  };
  let begun = 0;
  let finished = 0;
  let failure = null as { readonly rank: readonly number[]; readonly error: unknown } | null;
  const before = (a: readonly number[], b: readonly number[]) => a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
  /** The first ready decode by rank; a program's series begin (take their shares) when the programs before it have none ready. */
  const choose = (): { s: Series; n: number } | null => {
    for (;;) {
      let best: { s: Series; n: number } | null = null;
      for (const s of series.slice(0, begun).flat()) {
        if (s.running !== null || s.ended) continue;
        const n = decide(s);
        if (n === null || (failure && !before([s.program, n, s.place], failure.rank))) continue;
        if (!best || before([s.program, n, s.place], [best.s.program, best.n, best.s.place])) best = { s, n };
      }
      if (best || begun === plan.length || (failure && failure.rank[0] < begun)) return best;
      clock.begin(series[begun].map((s) => s.key), (plan.length - begun) * decoders.length);
      begun += 1;
    }
  };
  /** Decodes still to come as things stand (for the progress bar). */
  const pending = () => series.flat().reduce((k, s) => k + (s.ended ? 0 : s.sizes.slice(s.next + (s.running === null ? 0 : 1)).filter((n) => runs(s, n)).length), 0);
  const measure = async (s: Series, n: number) => {
    const { entry } = plan[s.program];
    const cell = cellAt(s.program, n);
    s.running = n;
    s.next += 1;
    progress.update?.(finished, finished + pending(), `${entry.name} n=${n} ${s.source.label}`);
    try {
      const started = performance.now();
      const m = await s.source.measure(cell.instance, cell.input, cell.pram, pool);
      const seconds = (performance.now() - started) / 1000;
      if (m.output.join() !== cell.pram.output.join()) {
        throw new Error(`${s.source.label} on ${entry.name} input ${cell.input.join()}: output ${m.output.join()} ≠ PRAM ${cell.pram.output.join()}`);
      }
      cell.measured.set(s.source, { point: { program: entry.name, n, input: cell.input, model: s.source.model, steps: m.steps, context: m.context, x: cell.x }, seconds });
      clock.spent(s.key, n, seconds);
    } catch (error) {
      const rank = [s.program, n, s.place];
      if (!failure || before(rank, failure.rank)) failure = { rank, error };
    } finally {
      s.running = null;
      finished += 1;
    }
  };
  // A (program, n) is finished when every series of the program has passed n; its line goes out then, in order.
  const reported = plan.map(() => 0);
  const reportFinished = () => {
    for (let program = 0; program < begun; program++) {
      const { entry, sizes } = plan[program];
      for (; reported[program] < sizes.length; reported[program]++) {
        const n = sizes[reported[program]];
        if (!series[program].every((s) => s.ended || (s.running === null ? s.next >= s.sizes.length || s.sizes[s.next] > n : s.running > n))) break;
        const cell = cells.get(`${program} ${n}`);
        if (cell && cell.measured.size > 0) progress.sizeDone?.(`${entry.name} n=${n}: ${[...cell.measured].sort(([a], [b]) => sources.indexOf(a) - sources.indexOf(b)).map(([source, m]) => `${source.label} ${m.seconds.toFixed(1)} s`).join(", ")}`);
      }
    }
  };
  const running = new Set<Promise<void>>();
  for (;;) {
    for (let next = running.size < pool.threads ? choose() : null; next !== null; next = running.size < pool.threads ? choose() : null) {
      const decode: Promise<void> = measure(next.s, next.n).then(() => void running.delete(decode));
      running.add(decode);
    }
    if (!failure) reportFinished();
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (failure) throw failure.error;
  progress.update?.(finished, finished, "done");
  const points: SweepPoint[] = [];
  for (const [program, { sizes }] of plan.entries()) {
    for (const n of sizes) {
      const cell = cells.get(`${program} ${n}`);
      if (!cell || cell.measured.size === 0) continue;
      for (const source of sources) {
        if (source.model !== "pram") {
          const m = cell.measured.get(source);
          if (m) points.push(m.point);
          continue;
        }
        const m = await source.measure(cell.instance, cell.input, cell.pram, pool);
        points.push({ program: plan[program].entry.name, n, input: cell.input, model: source.model, steps: m.steps, context: m.context, x: cell.x });
      }
    }
  }
  return points;
}

/** The pool, as seen by a warm-up: every task runs once on each of its threads (the first thread's result is returned). */
function onEveryThread(pool: TaskPool): TaskPool {
  return { ...pool, run: async (task) => (await pool.runOnEach(task))[0] };
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
