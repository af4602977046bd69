import type { TaskPool } from "../parallel/taskPool.js";
import { figure, type Figure } from "./figure.js";
import { fitsTable } from "./fitsTable.js";
import type { PlotFile } from "./plotFile.js";
import { renderSvg } from "./renderSvg.js";
import type { Metric } from "./seriesFit.js";
import type { SeriesSource } from "./seriesSource.js";
import { sweep, type SweepPoint, type SweepProgress, type SweepSettings } from "./sweep.js";

const METRICS: readonly Metric[] = ["steps", "context"];

/** The raw measurements `apmdm plot` writes as sweep.json: every file it writes is a function of them. */
export interface SweepData {
  readonly command: string;
  readonly settings: SweepSettings;
  readonly points: readonly SweepPoint[];
  /** Set by `apmdm plot --merge` (mergeSweeps): the sweeps joined, each with its own programs; `settings` is then their union. */
  readonly parts?: readonly SweepPart[];
}

/** One sweep of a merged SweepData: the command that measured its programs, and its settings. */
export interface SweepPart {
  readonly command: string;
  readonly settings: SweepSettings;
}

/** Everything `apmdm plot` writes, built in memory (so nothing is written half-way): sweep ▷ plotFiles. */
export async function buildPlots(settings: SweepSettings, sources: readonly SeriesSource[], progress?: SweepProgress, pool?: TaskPool): Promise<PlotFile[]> {
  return plotFiles({ command: plotCommandLine(settings), settings, points: await sweep(settings, sources, progress, undefined, pool) }, sources);
}

/**
 * The files of a sweep: per program and metric an SVG and the JSON of its data (with the command and
 * settings of the part that measured that program, in a merged sweep), fits.md (the table of fitted
 * constants docs quote) and sweep.json (the points themselves, from which all the rest follows).
 */
export async function plotFiles(data: SweepData, sources: readonly SeriesSource[]): Promise<PlotFile[]> {
  const partOf = (program: string): SweepPart => data.parts?.find((p) => p.settings.programs.includes(program)) ?? data;
  const figures: Figure[] = data.settings.programs.flatMap((p) => METRICS.map((m) => figure(p, m, partOf(p).settings, partOf(p).command, sources, data.points)));
  const files: PlotFile[] = [];
  for (const f of figures) {
    files.push({ name: `${f.name}.svg`, text: `${await renderSvg(f.spec)}\n` });
    files.push({ name: `${f.name}.json`, text: `${compactJson(f.data)}\n` });
  }
  files.push({ name: "fits.md", text: fitsTable(figures, data.command) });
  files.push({ name: "sweep.json", text: `${compactJson(data)}\n` });
  return files;
}

/** JSON indented by 2, with arrays of plain values (an input, a list of sizes) kept on one line. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, " ")}]`);
}

/** The command line that regenerates these files (recorded in each JSON and in fits.md). */
export function plotCommandLine(settings: SweepSettings): string {
  const budget = settings.budget === null ? "" : ` --budget ${settings.budget}`;
  return `apmdm plot --out docs/plots --max-n ${settings.maxN} --max-n-tokenwise ${settings.maxNTokenwise}${budget} --seed ${settings.seed} --programs ${settings.programs.join(",")}`;
}
