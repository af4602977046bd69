import { dyckProgram } from "../ap-mdm/dyck/dyckProgram.js";
import { dyckSteps, sampleDyck } from "../ap-mdm/dyck/sampleDyck.js";
import { isTwoSidedDyck } from "../ap-mdm/dyck/twoSidedDyck.js";
import { UserError } from "../errors.js";
import { apMdmTraceViewer } from "../view/apMdmTraceViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { passFlops } from "../mdm/passFlops.js";
import { backendOption, backendPredictor } from "./backendOption.js";
import type { Command } from "./command.js";
import { checkCost, COST_CAPS } from "./costCap.js";
import { formatApMdmMeters } from "./formatApMdmMeters.js";
import { integerOption } from "./integerOption.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const dyckSampleCommand: Command = {
  path: ["dyck", "sample"],
  usage: "dyck sample [--k 2] [--length 16] [--seed 1] [--backend weights|evaluator] [--force] [--trace] [--html FILE] [--json]",
  summary: "generate a two-sided Dyck-k word with the Theorem 5 AP-MDM (compiled weights), sampling among exactly tied predictions from a seed",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      k: { type: "string", default: "2" },
      length: { type: "string", default: "16" },
      seed: { type: "string", default: "1" },
      backend: { type: "string", default: "weights" },
      force: { type: "boolean", default: false },
      trace: { type: "boolean", default: false },
      html: { type: "string" },
      json: { type: "boolean", default: false },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    const k = integerOption("--k", values.k, 1);
    const length = integerOption("--length", values.length, 0);
    const seed = integerOption("--seed", values.seed, 0);
    const backend = backendOption(values.backend);
    const c = dyckProgram(k, length);
    const { predictor, config } = backendPredictor(c.program, backend);
    const steps = dyckSteps(length);
    checkCost(COST_CAPS.dyck, `--length ${length}`, steps * passFlops(config, length + 2), `${steps} forward passes over up to ${length + 2} positions`, values.force);
    const s = sampleDyck(c, seed, { predictor, trace: values.trace || values.html !== undefined });
    const valid = isTwoSidedDyck(s.word, k);
    if (values.html !== undefined) {
      const title = `two-sided Dyck-${k}, length ${length}, seed ${seed}: ${s.text || "ε"}`;
      const task = { title, label: "AP-MDM (Theorem 5)", vocab: c.vocab.names, mask: c.program.maskToken, describe: (i: number) => `word ${i}`, model: null };
      writeFileAtomic(values.html, viewerPage(viewerData(apMdmTraceViewer(task, s.decode, []))));
    }
    const canvases = !values.trace ? null : s.decode.trace!.canvases.map((x) => Array.from(x, (t) => c.vocab.names[t]).join(" "));
    if (values.json) {
      io.out(`${JSON.stringify({ k, length, seed, backend, word: s.text, letters: s.word, valid, meters: s.decode.meters, ...(canvases ? { canvases } : {}) }, null, 2)}\n`);
    } else {
      if (canvases) io.out(canvases.map((line, step) => `${String(step).padStart(4)}  ${line || "(empty)"}\n`).join(""));
      io.out(`${s.text || "ε"}\n`);
      io.out(`  two-sided Dyck-${k}, length ${length}, seed ${seed}: ${valid ? "reduces to ε (valid)" : "does NOT reduce to ε"}\n`);
      io.out(`  ${formatApMdmMeters(s.decode.meters)}\n`);
    }
    return valid ? 0 : 1;
  },
};
