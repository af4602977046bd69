import type { TopLevelSpec } from "vega-lite";
import { evenParity } from "../circuit/library/evenParity.js";
import { evenParityPairs } from "../circuit/library/evenParityPairs.js";
import { circuitLibrary } from "../circuit/library/index.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { fitBound } from "../proofs/fitBound.js";
import type { FittedBound } from "../proofs/proofReport.js";
import type { Circuit } from "../circuit/circuit.js";
import { buildSampler, type SamplerModel } from "../sampling/sampler.js";
import { sampleOnce } from "../sampling/sampleOnce.js";
import type { PlotFile } from "./plotFile.js";
import { renderSvg } from "./renderSvg.js";

export interface SamplingPlotSettings {
  readonly maxN: number;
  readonly seed: number;
}

/** One decode: which circuit and process, the circuit's measures and the meters. */
export interface SamplingPoint {
  readonly circuit: string;
  readonly n: number;
  readonly model: SamplerModel;
  readonly depth: number;
  readonly size: number;
  readonly leveledWidth: number;
  readonly outputs: number;
  readonly steps: number;
  readonly context: number;
}

interface Series {
  readonly label: string;
  readonly bound: FittedBound;
  readonly points: readonly { readonly x: number; readonly y: number; readonly circuit: string }[];
}

/** Even-parity lengths of the parity figure. */
const PARITY_NS = [2, 4, 8, 16, 32, 64];

/**
 * What `apmdm plot sampling` writes (built in memory first): one seeded decode over compiled weights per
 * library circuit (sweep sizes ≤ maxN) and process, and per even-parity length; three figures (steps vs
 * depth, context vs leveled width, even-parity steps vs n), each an SVG and its data as JSON, and fits.md.
 */
export async function samplingPlots(settings: SamplingPlotSettings): Promise<PlotFile[]> {
  const decode = (circuit: Circuit, n: number, model: SamplerModel): SamplingPoint => {
    const s = buildSampler(circuit, model);
    const run = sampleOnce(s, compiledPredictor(s.program).predictor, settings.seed);
    const m = s.shape;
    return { circuit: circuit.name.replace(/ n=\d+$/, ""), n, model, depth: m.depth, size: m.size, leveledWidth: m.leveledWidth, outputs: m.outputs, steps: run.steps, context: run.context };
  };
  const library: SamplingPoint[] = [];
  for (const e of circuitLibrary) {
    for (const n of e.sweep.filter((k) => k <= settings.maxN)) for (const model of ["mdm", "arm", "ap-mdm"] as const) library.push(decode(e.build(n), n, model));
  }
  const parity = PARITY_NS.flatMap((n) => [decode(evenParityPairs.build(n), n, "ap-mdm-parity"), decode(evenParity.build(n), n, "mdm"), decode(evenParityPairs.build(n), n, "mdm")]);
  const command = `apmdm plot sampling --out docs/sampling-plots --max-n ${settings.maxN} --seed ${settings.seed}`;
  const of = (model: SamplerModel, pts: readonly SamplingPoint[], x: (p: SamplingPoint) => number, y: (p: SamplingPoint) => number) =>
    pts.filter((p) => p.model === model).map((p) => ({ x: x(p), y: y(p), circuit: `${p.circuit} n=${p.n}` }));
  const series = (label: string, statement: string, points: Series["points"]): Series => ({ label, bound: fitBound(statement, ["c1", "c0"], points), points });
  const figures = [
    figure("steps-vs-depth", "decoding steps vs circuit depth (library circuits)", "circuit depth d", "decoding steps", [
      series("MDM with CoT", "steps ≤ c1·d + c0", of("mdm", library, (p) => p.depth, (p) => p.steps)),
      series("AP-MDM, remasking", "steps ≤ c1·d + c0", of("ap-mdm", library, (p) => p.depth, (p) => p.steps)),
      series("ARM (fitted against size)", "steps ≤ c1·size + c0", of("arm", library, (p) => p.size, (p) => p.steps)),
    ]),
    figure("context-vs-width", "context vs leveled width W (library circuits)", "leveled width W", "context (AP-MDM: peak)", [
      series("MDM with CoT (= size)", "context ≤ c1·W + c0", of("mdm", library, (p) => p.leveledWidth, (p) => p.context)),
      series("AP-MDM, remasking", "peak − outputs ≤ c1·W + c0", of("ap-mdm", library, (p) => p.leveledWidth, (p) => p.context - p.outputs)),
    ]),
    figure("parity-steps", "uniform even-parity strings: decoding steps vs n", "n", "decoding steps", [
      series("AP-MDM, remask + insert + delete", "steps ≤ c1·n + c0", of("ap-mdm-parity", parity.filter((p) => p.circuit === "even-parity-pairs"), (p) => p.n, (p) => p.steps)),
      series("MDM, XOR tree (fitted against ⌈log₂(n−1)⌉)", "steps ≤ c1·⌈log₂(n−1)⌉ + c0", of("mdm", parity.filter((p) => p.circuit === "even-parity"), (p) => Math.ceil(Math.log2(p.n - 1 || 1)), (p) => p.steps)),
      series("MDM, pairs (n random bits left on the canvas)", "steps ≤ c1·n + c0", of("mdm", parity.filter((p) => p.circuit === "even-parity-pairs"), (p) => p.n, (p) => p.steps)),
    ]),
  ];
  const files: PlotFile[] = [];
  for (const f of figures) {
    const data = { figure: f.name, command, settings, title: f.title, series: f.series };
    files.push({ name: `${f.name}.svg`, text: `${await renderSvg(f.spec)}\n` });
    files.push({ name: `${f.name}.json`, text: `${JSON.stringify(data, null, 1)}\n` });
  }
  const rows = figures.flatMap((f) => f.series.map((s) => `| ${f.name} | ${s.label} | ${s.bound.statement} | ${s.bound.constants.map((c) => c.exact).join(" | ")} | ${s.bound.points} |`));
  files.push({ name: "fits.md", text: [`# Sampling fits`, "", `Generated by \`${command}\`.`, "", "| figure | process | bound | c1 | c0 | points |", "| --- | --- | --- | --- | --- | --- |", ...rows, ""].join("\n") });
  return files;
}

function figure(name: string, title: string, xTitle: string, yTitle: string, series: readonly Series[]) {
  const legend = (s: Series) => `${s.label}: ${s.bound.statement.replace("c1", s.bound.constants[0].exact!).replace("c0", s.bound.constants[1].exact!)}`;
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: ["One seeded decode over compiled weights per point; fitted upper bounds, exact rationals.", `Data: ${name}.json.`], anchor: "start", subtitleFontSize: 10 },
    width: 420,
    height: 260,
    data: { values: series.flatMap((s) => s.points.map((p) => ({ x: p.x, y: p.y, series: legend(s) }))) },
    mark: { type: "point", filled: true },
    encoding: {
      x: { field: "x", type: "quantitative", title: xTitle },
      y: { field: "y", type: "quantitative", title: yTitle },
      color: { field: "series", type: "nominal", sort: series.map(legend), legend: { orient: "bottom", direction: "vertical", labelLimit: 0, title: null } },
    },
  };
  return { name, title, series, spec };
}
