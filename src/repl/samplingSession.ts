import { loadCircuit } from "../circuit/loadCircuit.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { buildSampler, SAMPLER_MODELS, type SamplerModel } from "../sampling/sampler.js";
import { sampleOnce } from "../sampling/sampleOnce.js";
import { UserError } from "../errors.js";
import type { CellKind } from "./cellKind.js";
import type { Palette } from "./palette.js";

/** A sampling decode the REPL steps through: every canvas of one seeded sample over compiled weights. */
export interface SamplingSession {
  readonly label: string;
  readonly vocab: readonly string[];
  readonly maskToken: number;
  /** Frame k: the canvas after k steps. */
  readonly frames: readonly Int32Array[];
  readonly output: string;
}

/** `sample NAME|FILE [n] [model] [seed]`: decodes one sample, traced. */
export function startSampling(args: readonly string[]): SamplingSession {
  if (args.length < 1 || args.length > 4) throw new UserError("repl/usage", `usage: sample NAME|FILE [n] [${SAMPLER_MODELS.join("|")}] [seed]`);
  const [name, nText, modelText = "mdm", seedText = "1"] = args;
  const int = (t: string, what: string) => {
    if (!/^\d+$/.test(t)) throw new UserError("repl/usage", `${what} must be a non-negative integer, got '${t}'`);
    return Number(t);
  };
  const model = modelText as SamplerModel;
  if (!SAMPLER_MODELS.includes(model)) throw new UserError("repl/usage", `unknown sampler '${modelText}' (${SAMPLER_MODELS.join(", ")})`);
  const isFile = name.endsWith(".circuit") || name.includes("/");
  const circuit = loadCircuit(name, isFile || nText === undefined ? null : int(nText, "n"));
  const sampler = buildSampler(circuit, model);
  const seed = int(seedText, "seed");
  const run = sampleOnce(sampler, compiledPredictor(sampler.program).predictor, seed, true);
  const m = sampler.shape;
  return {
    label: `${circuit.name} · ${model} · seed ${seed} (depth ${m.depth}, width ${m.width}, size ${m.size}): output ${run.output} in ${run.steps} steps, context ${run.context}`,
    vocab: sampler.program.vocab,
    maskToken: sampler.program.maskToken,
    frames: run.canvases!,
    output: run.output,
  };
}

/** Frame k: a heading and the canvas, tokens by name (a token unmasked in this step marked), wrapped to the width. */
export function renderSamplingFrame(s: SamplingSession, k: number, palette: Palette, width: number): string {
  const now = s.frames[k];
  const before = k > 0 ? s.frames[k - 1] : null;
  const kindAt = (i: number): CellKind =>
    now[i] === s.maskToken ? "masked" : before && before.length === now.length && before[i] === s.maskToken ? "unmasked" : "kept";
  const cells = Array.from(now, (t, i) => palette.cell(kindAt(i), s.vocab[t]));
  const lines: string[] = [palette.heading(`after step ${k}/${s.frames.length - 1}, ${now.length} positions`)];
  let line = "";
  for (const c of cells) {
    if (line.length > 0 && line.length + 1 + c.length > width) {
      lines.push(line);
      line = "";
    }
    line = line.length === 0 ? c : `${line} ${c}`;
  }
  if (line.length > 0) lines.push(line);
  return lines.join("\n");
}
