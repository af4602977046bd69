import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { library } from "../pram/library/index.js";
import { buildPlots } from "../plot/buildPlots.js";
import { buildExperimentPlots } from "../plot/experiments/buildExperimentPlots.js";
import { experimentFigures, weightsPredictors } from "../plot/experiments/experimentFigures.js";
import { progressBar } from "../plot/progressBar.js";
import { seriesSources } from "../plot/seriesSources.js";
import { sweepCost } from "../plot/sweep.js";
import type { Command } from "./command.js";
import { checkCost, COST_CAPS } from "./costCap.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";
import { integerOption } from "./integerOption.js";

export const plotCommand: Command = {
  path: ["plot"],
  usage: "plot --out DIR [--max-n N] [--max-n-tokenwise N] [--seed S] [--programs A,B,…] [--force] | plot --experiments --out DIR [--max-n N]",
  summary: "sweep n over library programs; write steps/context-vs-n SVGs, their data as JSON, and fits.md (--experiments: the Sudoku and other experiment figures and tables, over the first N instances)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      out: { type: "string" },
      "max-n": { type: "string" },
      "max-n-tokenwise": { type: "string", default: "4" },
      seed: { type: "string", default: "1" },
      programs: { type: "string" },
      experiments: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    if (values.out === undefined) throw new UserError("cli/options", "--out DIR is required");
    if (values.experiments) {
      const count = integerOption("--max-n", values["max-n"] ?? "100", 1);
      const files = await buildExperimentPlots(experimentFigures(weightsPredictors(), count), count);
      mkdirSync(values.out, { recursive: true });
      for (const f of files) writeFileAtomic(join(values.out, f.name), f.text);
      io.out(`wrote ${files.length} files to ${values.out}\n`);
      return 0;
    }
    const settings = {
      programs: values.programs === undefined ? library.map((e) => e.name) : values.programs.split(","),
      maxN: integerOption("--max-n", values["max-n"] ?? "16", 1),
      maxNTokenwise: integerOption("--max-n-tokenwise", values["max-n-tokenwise"], 1),
      seed: integerOption("--seed", values.seed, 0),
    };
    const cost = sweepCost(settings, seriesSources);
    checkCost(COST_CAPS.plot, `--max-n ${settings.maxN}${values["max-n-tokenwise"] === "4" ? "" : ` --max-n-tokenwise ${settings.maxNTokenwise}`}`, cost.pairs, `${cost.decodes} decodes`, values.force);
    const bar = progressBar(process.stderr.isTTY ? process.stderr : null);
    const files = await buildPlots(settings, seriesSources, bar.update).finally(bar.finish);
    mkdirSync(values.out, { recursive: true });
    for (const f of files) writeFileAtomic(join(values.out, f.name), f.text);
    io.out(`wrote ${files.length} files to ${values.out}\n`);
    return 0;
  },
};
