import type { TopLevelSpec } from "vega-lite";
import { formatFit, seriesFit, type Metric, type SeriesFit } from "./seriesFit.js";
import type { PlotModel, SeriesSource } from "./seriesSource.js";
import type { SweepPoint, SweepSettings } from "./sweep.js";

/** One figure: a metric against n for one program, every registered process as a series. */
export interface Figure {
  /** File stem, e.g. "prefix-sums-steps". */
  readonly name: string;
  /** The data written beside the SVG as JSON; the regeneration test compares it exactly. */
  readonly data: FigureData;
  readonly spec: TopLevelSpec;
}

export interface FigureData {
  readonly figure: string;
  readonly command: string;
  readonly settings: SweepSettings;
  readonly program: string;
  readonly metric: Metric;
  readonly series: readonly FigureSeries[];
}

export interface FigureSeries {
  readonly model: PlotModel;
  readonly label: string;
  /** Legend text: the process and, when fitted, its fitted line. */
  readonly legend: string;
  readonly fit: SeriesFit | null;
  readonly points: readonly { readonly n: number; readonly input: readonly number[]; readonly value: number; readonly x: number | null }[];
}

const METRIC_TITLES: Readonly<Record<Metric, string>> = { steps: "decoding steps", context: "context length" };

export function figure(program: string, metric: Metric, settings: SweepSettings, command: string, sources: readonly SeriesSource[], points: readonly SweepPoint[]): Figure {
  const name = `${program}-${metric}`;
  const series = sources.map((source): FigureSeries => {
    const regressor = source.fit[metric];
    const mine = points.filter((p) => p.program === program && p.model === source.model);
    const fit = regressor === null ? null : seriesFit(metric, regressor, mine.map((p) => ({ x: p.x[regressor], y: p[metric] })));
    const legend = regressor === null ? source.label : fit === null ? `${source.label}: (too few sizes to fit)` : `${source.label}: ${metric} ≈ ${formatFit(fit)}`;
    return {
      model: source.model,
      label: source.label,
      legend,
      fit,
      points: mine.map((p) => ({ n: p.n, input: p.input, value: p[metric], x: regressor === null ? null : p.x[regressor] })),
    };
  });
  const data: FigureData = { figure: name, command, settings, program, metric, series };
  return { name, data, spec: figureSpec(data) };
}

function figureSpec(data: FigureData): TopLevelSpec {
  const sizes = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.n)))].sort((a, b) => a - b);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `${data.program}: ${METRIC_TITLES[data.metric]} vs n`,
      subtitle: [
        "Least-squares fits, exact rationals. T: the PRAM's measured steps;",
        "P(n), T(n), M(n): declared processors, step bound, memory.",
        `One input per n (seed ${data.settings.seed}); ${data.settings.budget === null ? "" : `sizes grown within a ${data.settings.budget} s budget; `}ARM, Masked-ARM to n ≤ ${data.settings.maxNTokenwise}; data: ${data.figure}.json.`,
      ],
      anchor: "start",
      subtitleFontSize: 10,
    },
    width: 420,
    height: 260,
    data: { values: data.series.flatMap((s) => s.points.map((p) => ({ n: p.n, value: p.value, series: s.legend }))) },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "n", type: "quantitative", scale: { type: "log", base: 2 }, axis: { values: sizes, format: "d" }, title: "input length n" },
      y: { field: "value", type: "quantitative", scale: { type: "log" }, title: METRIC_TITLES[data.metric] },
      color: {
        field: "series",
        type: "nominal",
        sort: data.series.map((s) => s.legend),
        legend: { orient: "bottom", direction: "vertical", labelLimit: 0, title: null },
      },
    },
  };
}
