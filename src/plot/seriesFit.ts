import { fitLine } from "./fitLine.js";
import { formatRational, rationalValue } from "./rational.js";
import type { Regressor } from "./seriesSource.js";

export type Metric = "steps" | "context";

/** A series' fitted line as the JSON beside a figure records it: exact rationals and their float values. */
export interface SeriesFit {
  readonly regressor: Regressor;
  /** e.g. "steps ≈ c1·T + c0". */
  readonly statement: string;
  readonly c1: string;
  readonly c0: string;
  readonly c1Value: number;
  readonly c0Value: number;
  readonly points: number;
  readonly maxResidual: number;
}

export const REGRESSOR_NAMES: Readonly<Record<Regressor, string>> = { T: "T", PT: "P(n)·T(n)", S: "S(n)" };

/** Least squares of metric against regressor (exact, see fitLine); null when fewer than two distinct x. */
export function seriesFit(metric: Metric, regressor: Regressor, points: readonly { x: number; y: number }[]): SeriesFit | null {
  const fit = fitLine(points);
  if (!fit) return null;
  return {
    regressor,
    statement: `${metric} ≈ c1·${REGRESSOR_NAMES[regressor]} + c0`,
    c1: formatRational(fit.slope),
    c0: formatRational(fit.intercept),
    c1Value: rationalValue(fit.slope),
    c0Value: rationalValue(fit.intercept),
    points: fit.points,
    maxResidual: fit.maxResidual,
  };
}

/** "3·T + 2", "37/12·P(n)·T(n) − 1/3": the fit with its constants in place, exact. */
export function formatFit(fit: SeriesFit): string {
  const sign = fit.c0.startsWith("-") ? "−" : "+";
  return `${fit.c1}·${REGRESSOR_NAMES[fit.regressor]} ${sign} ${fit.c0.replace(/^-/, "")}`;
}
