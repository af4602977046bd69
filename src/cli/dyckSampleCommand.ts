import { dyckProgram } from "../ap-mdm/dyck/dyckProgram.js";
import { sampleDyck } from "../ap-mdm/dyck/sampleDyck.js";
import { isTwoSidedDyck } from "../ap-mdm/dyck/twoSidedDyck.js";
import { UserError } from "../errors.js";
import { apMdmTraceViewer } from "../view/apMdmTraceViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import type { Command } from "./command.js";
import { formatApMdmMeters } from "./formatApMdmMeters.js";
import { integerOption } from "./integerOption.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const dyckSampleCommand: Command = {
  path: ["dyck", "sample"],
  usage: "dyck sample [--k 2] [--length 16] [--seed 1] [--trace] [--html FILE] [--json]",
  summary: "generate a two-sided Dyck-k word with the Theorem 5 AP-MDM, sampling among exactly tied predictions from a seed",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      k: { type: "string", default: "2" },
      length: { type: "string", default: "16" },
      seed: { type: "string", default: "1" },
      trace: { type: "boolean", default: false },
      html: { type: "string" },
      json: { type: "boolean", default: false },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    const k = integerOption("--k", values.k, 1);
    const length = integerOption("--length", values.length, 0);
    const seed = integerOption("--seed", values.seed, 0);
    const c = dyckProgram(k, length);
    const s = sampleDyck(c, seed, { trace: values.trace || values.html !== undefined });
    const valid = isTwoSidedDyck(s.word, k);
    if (values.html !== undefined) {
      const title = `two-sided Dyck-${k}, length ${length}, seed ${seed}: ${s.text || "ε"}`;
      const task = { title, label: "AP-MDM (Theorem 5)", vocab: c.vocab.names, mask: c.program.maskToken, describe: (i: number) => `word ${i}`, model: null };
      writeFileAtomic(values.html, viewerPage(viewerData(apMdmTraceViewer(task, s.decode, []))));
    }
    const canvases = !values.trace ? null : s.decode.trace!.canvases.map((x) => Array.from(x, (t) => c.vocab.names[t]).join(" "));
    if (values.json) {
      io.out(`${JSON.stringify({ k, length, seed, word: s.text, letters: s.word, valid, meters: s.decode.meters, ...(canvases ? { canvases } : {}) }, null, 2)}\n`);
    } else {
      if (canvases) io.out(canvases.map((line, step) => `${String(step).padStart(4)}  ${line || "(empty)"}\n`).join(""));
      io.out(`${s.text || "ε"}\n`);
      io.out(`  two-sided Dyck-${k}, length ${length}, seed ${seed}: ${valid ? "reduces to ε (valid)" : "does NOT reduce to ε"}\n`);
      io.out(`  ${formatApMdmMeters(s.decode.meters)}\n`);
    }
    return valid ? 0 : 1;
  },
};
