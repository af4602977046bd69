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
}

/** Everything `apmdm plot` writes, built in memory (so nothing is written half-way): sweep ▷ plotFiles. */
export async function buildPlots(settings: SweepSettings, sources: readonly SeriesSource[], progress?: SweepProgress): Promise<PlotFile[]> {
  return plotFiles(settings, sources, await sweep(settings, sources, progress));
}

/**
 * The files of a sweep: per program and metric an SVG and the JSON of its data, fits.md (the table of
 * fitted constants docs quote) and sweep.json (the points themselves, from which all the rest follows).
 */
export async function plotFiles(settings: SweepSettings, sources: readonly SeriesSource[], points: readonly SweepPoint[]): Promise<PlotFile[]> {
  const command = plotCommandLine(settings);
  const figures: Figure[] = settings.programs.flatMap((p) => METRICS.map((m) => figure(p, m, settings, command, sources, points)));
  const files: PlotFile[] = [];
  for (const f of figures) {
    files.push({ name: `${f.name}.svg`, text: `${await renderSvg(f.spec)}\n` });
    files.push({ name: `${f.name}.json`, text: `${compactJson(f.data)}\n` });
  }
  files.push({ name: "fits.md", text: fitsTable(figures, command) });
  const data: SweepData = { command, settings, points };
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
