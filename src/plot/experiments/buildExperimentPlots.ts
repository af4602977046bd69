import type { PlotFile } from "../plotFile.js";
import { renderSvg } from "../renderSvg.js";
import type { ExperimentFigure } from "./experimentFigure.js";

export const tableBegin = (section: string): string => `<!-- experiments:${section} begin -->`;
export const tableEnd = (section: string): string => `<!-- experiments:${section} end -->`;

/** The command line that regenerates docs/experiments (recorded in each JSON and in tables.md). */
export const experimentsCommandLine = (count: number): string => `apmdm plot --experiments --out docs/experiments --max-n ${count}`;

/**
 * Everything `apmdm plot --experiments` writes, in memory: per figure an SVG and its JSON, and tables.md
 * with each figure's table between the markers docs/experiments.md quotes it with.
 */
export async function buildExperimentPlots(figures: readonly ExperimentFigure[], count: number): Promise<PlotFile[]> {
  const command = experimentsCommandLine(count);
  const files: PlotFile[] = [];
  for (const f of figures) {
    files.push({ name: `${f.name}.svg`, text: `${await renderSvg(f.spec)}\n` });
    files.push({ name: `${f.name}.json`, text: `${JSON.stringify({ figure: f.name, command, data: f.data })}\n` });
  }
  const tables = figures.map((f) => `${tableBegin(f.section)}\n${f.table}\n${tableEnd(f.section)}`);
  files.push({ name: "tables.md", text: `# Experiment tables\n\nMade by \`${command}\`; docs/experiments.md quotes each verbatim.\n\n${tables.join("\n\n")}\n` });
  return files;
}
