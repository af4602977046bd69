import type { Figure } from "./figure.js";
import { formatFit } from "./seriesFit.js";

/** Begin/end markers of the fits table; a docs page may quote the block between them, and a test checks it. */
export const FITS_BEGIN = "<!-- plots:fits -->";
export const FITS_END = "<!-- /plots:fits -->";

/** The fitted constants of every figure as a Markdown table, between the markers. */
export function fitsTable(figures: readonly Figure[], command: string): string {
  const rows = figures.flatMap((f) =>
    f.data.series.flatMap((s) =>
      s.fit === null ? [] : [`| ${f.data.program} | ${s.label} | ${f.data.metric} ≈ ${formatFit(s.fit)} | ${s.fit.points} | ${s.fit.maxResidual} |`],
    ),
  );
  return [
    FITS_BEGIN,
    `Fitted by \`${command}\`: least squares over the plotted sizes, exact rationals.`,
    "",
    "| program | process | fit | points | max residual |",
    "|---|---|---|---|---|",
    ...(rows.length > 0 ? rows : ["| (no decoder registered yet) | | | | |"]),
    FITS_END,
    "",
  ].join("\n");
}
