import { UserError } from "../errors.js";
import { describePositionFeature } from "../transformer/describePositionFeature.js";
import { loadModel } from "../transformer/loadModel.js";
import { parameterCount } from "../transformer/parameterCount.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Command } from "./command.js";
import { parseOptions } from "./parseOptions.js";

export const modelInspectCommand: Command = {
  path: ["model", "inspect"],
  usage: "model inspect DIR [--json]",
  summary: "describe a saved model (docs/model-format.md): vocabulary, width, layers, heads, parameters, labels",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { json: { type: "boolean", default: false } });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one model directory");
    const dir = positionals[0];
    const model = loadModel(dir);
    io.out(values.json ? `${JSON.stringify(summaryJson(model), null, 2)}\n` : describeModel(dir, model));
    return 0;
  },
};

function summaryJson(model: Transformer) {
  const { config, labels, weights } = model;
  return {
    vocab: config.vocab,
    maskToken: config.maskToken,
    width: config.dModel,
    layers: config.layers,
    heads: config.layers.reduce((s, l) => s + l.heads.length, 0),
    mlpUnits: config.layers.reduce((s, l) => s + l.mlpHidden, 0),
    attention: config.attention,
    causal: config.causal,
    control: config.control,
    positionFeatures: config.positionFeatures.map(describePositionFeature),
    parameters: parameterCount(weights),
    labels,
  };
}

function describeModel(dir: string, model: Transformer): string {
  const s = summaryJson(model);
  const attention = s.attention.kind === "softmax" ? `softmax (β = ${s.attention.beta})` : "average-hard";
  const layerLines = s.layers.map((l, k) => {
    const heads = l.heads.length === 0 ? "no heads" : `${count(l.heads.length, "head")} (${l.heads.map((h) => `dQK ${h.dQK}, dV ${h.dV}`).join("; ")})`;
    return `  layer ${String(k).padEnd(6)} ${heads}, ${l.mlpHidden === 0 ? "no MLP" : `MLP of ${count(l.mlpHidden, "unit")}`}`;
  });
  const labelWidth = String(s.width - 1).length;
  return [
    `model ${dir}`,
    `  vocabulary   ${s.vocab.length} tokens: ${s.vocab.join(" ")} (mask: ${s.vocab[s.maskToken]})`,
    `  width        ${s.width}`,
    `  layers       ${s.layers.length} (${count(s.heads, "head")}, ${count(s.mlpUnits, "MLP unit")})`,
    `  attention    ${attention}, ${s.causal ? "causal" : "encoder-only"}`,
    `  positions    ${s.positionFeatures.length === 0 ? "none" : s.positionFeatures.join(", ")}`,
    `  control      ${s.control ? "remask, insert, delete logits" : "none"}`,
    `  parameters   ${s.parameters}`,
    ...layerLines,
    `  labels`,
    ...s.labels.map((label, k) => `    ${String(k).padStart(labelWidth)}  ${label}`),
    "",
  ].join("\n");
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
