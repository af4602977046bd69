import { UserError } from "../errors.js";
import { logitPrediction } from "../mdm/logitPrediction.js";
import { forward } from "../transformer/forward.js";
import { loadModel } from "../transformer/loadModel.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Command } from "./command.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { maxOf } from "../minMax.js";

const CONTROL = ["remask", "insert", "delete"] as const;

export const modelRunCommand: Command = {
  path: ["model", "run"],
  usage: "model run DIR --tokens 1,2,3 [--json]",
  summary: "one forward pass of a saved model over token ids: the prediction (and control bits) at every position",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { tokens: { type: "string" }, json: { type: "boolean", default: false } });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one model directory");
    if (values.tokens === undefined) throw new UserError("cli/options", "--tokens is required, e.g. --tokens 1,2,3");
    const model = loadModel(positionals[0]);
    const tokens = Int32Array.from(tokenIds(values.tokens, model));
    const r = forward(model, tokens);
    const meter = r.meter;
    const vocab = model.config.vocab;
    const p = logitPrediction(r, vocab.length, tokens.length);
    const rows = Array.from(tokens, (token, i) => ({
      position: i,
      token,
      tokenName: vocab[token],
      prediction: p.prediction[i],
      predictionName: vocab[p.prediction[i]],
      tied: p.tied(i),
      ...(p.control ? { control: Object.fromEntries(CONTROL.map((name, k) => [name, p.control![k][i]])) } : {}),
    }));
    if (values.json) {
      // Infinity (no second-best score or logit anywhere) is written as null.
      io.out(`${JSON.stringify({ tokens: Array.from(tokens), predictions: rows, meter })}\n`);
      return 0;
    }
    const name = (t: number) => `${t} ${vocab[t]}`;
    const width = maxOf(rows.map((r) => name(r.token).length), 5);
    const lines = rows.map((r) => {
      const control = r.control ? `  ${CONTROL.filter((c) => r.control![c]).join(",") || "-"}` : "";
      const tie = r.tied.length > 1 ? `  (tied: ${r.tied.join(",")})` : "";
      return `  ${String(r.position).padStart(4)}  ${name(r.token).padEnd(width)}  → ${name(r.prediction)}${control}${tie}`;
    });
    io.out(
      [
        `${positionals[0]}: ${tokens.length} positions, ${meter.flops} FLOPs, min attention margin ${meter.minAttentionMargin}, min logit margin ${meter.minLogitMargin}`,
        `  ${"pos".padStart(4)}  ${"token".padEnd(width)}  → prediction${p.control ? "  control" : ""}`,
        ...lines,
        "",
      ].join("\n"),
    );
    return 0;
  },
};

/** `--tokens` as ids of the model's vocabulary; anything else is a one-line UserError. */
export function tokenIds(text: string, model: Transformer): number[] {
  const V = model.config.vocab.length;
  const ids = parseIntegerList("--tokens", text);
  if (ids.length === 0) throw new UserError("cli/input", "--tokens: give at least one token id");
  ids.forEach((t, k) => {
    if (t < 0 || t >= V) throw new UserError("cli/input", `--tokens: item ${k + 1} (${t}) is not a token id of this model (0..${V - 1})`);
  });
  return ids;
}
