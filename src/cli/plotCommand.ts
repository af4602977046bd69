import { UserError } from "../errors.js";
import { library } from "../pram/library/index.js";
import { buildPlots, plotFiles } from "../plot/buildPlots.js";
import { buildExperimentPlots } from "../plot/experiments/buildExperimentPlots.js";
import { experimentFigures, weightsPredictors } from "../plot/experiments/experimentFigures.js";
import { mergeSweeps } from "../plot/mergeSweeps.js";
import { progressBar } from "../plot/progressBar.js";
import { readSweep } from "../plot/readSweep.js";
import { plotSources } from "../plot/seriesSources.js";
import { FORWARD_ENGINES } from "../transformer/forwardEngine.js";
import { engineOption } from "./engineOption.js";
import { sweepCost } from "../plot/sweep.js";
import type { Command } from "./command.js";
import { checkCost, COST_CAPS } from "./costCap.js";
import { parseOptions } from "./parseOptions.js";
import { writeFiles } from "./writeFiles.js";
import { integerOption } from "./integerOption.js";
import { threadsOption } from "./threadsOption.js";
import { taskPool } from "../parallel/taskPool.js";

/**
 * `apmdm plot --out DIR` alone sweeps every library program within this many seconds (each program × process
 * an equal share, see SweepSettings.budget), over the sizes up to DEFAULT_BUDGETED_MAX_N: it finishes in
 * about three minutes on a 2-core machine, however loaded, at whatever sizes that machine reaches.
 */
const DEFAULT_BUDGET = 150;
const DEFAULT_BUDGETED_MAX_N = 1024;

export const plotCommand: Command = {
  path: ["plot"],
  usage: `plot --out DIR [--max-n N] [--max-n-tokenwise N] [--budget SECONDS] [--seed S] [--programs A,B,…] [--engine ${FORWARD_ENGINES.join("|")}] [--threads N] [--force] | plot --merge DIR1,DIR2,… --out DIR | plot --experiments --out DIR [--max-n N]`,
  summary: "sweep n over library programs; write steps/context-vs-n SVGs, their data as JSON, and fits.md (--merge: the same from the sweeps of several earlier plots; --experiments: the Sudoku and other experiment figures and tables, over the first N instances)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      out: { type: "string" },
      "max-n": { type: "string" },
      "max-n-tokenwise": { type: "string" },
      budget: { type: "string" },
      engine: { type: "string", default: "incremental" },
      seed: { type: "string", default: "1" },
      programs: { type: "string" },
      experiments: { type: "boolean", default: false },
      merge: { type: "string" },
      threads: { type: "string" },
      force: { type: "boolean", default: false },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    if (values.out === undefined) throw new UserError("cli/options", "--out DIR is required");
    if (values.experiments) {
      const count = integerOption("--max-n", values["max-n"] ?? "100", 1);
      const files = await buildExperimentPlots(experimentFigures(weightsPredictors(), count), count);
      writeFiles(values.out, files);
      io.out(`wrote ${files.length} files to ${values.out}\n`);
      return 0;
    }
    if (values.merge !== undefined) {
      const extra = args.map((a) => /^--([^=]+)/.exec(a)?.[1]).find((name) => name !== undefined && name !== "out" && name !== "merge");
      if (extra !== undefined) throw new UserError("cli/options", `--merge takes only --out (it measures nothing), got --${extra}`);
      const merged = mergeSweeps(values.merge.split(",").map(readSweep));
      const files = await plotFiles(merged, plotSources());
      writeFiles(values.out, files);
      io.out(`wrote ${files.length} files to ${values.out}\n`);
      return 0;
    }
    // With no size option the sweep is budgeted (DEFAULT_BUDGET s); with --max-n alone it takes every size.
    const budgeted = values.budget !== undefined || values["max-n"] === undefined;
    const maxN = integerOption("--max-n", values["max-n"] ?? (budgeted ? `${DEFAULT_BUDGETED_MAX_N}` : "16"), 1);
    const settings = {
      programs: values.programs === undefined ? library.map((e) => e.name) : values.programs.split(","),
      maxN,
      maxNTokenwise: integerOption("--max-n-tokenwise", values["max-n-tokenwise"] ?? (budgeted ? `${maxN}` : "4"), 1),
      seed: integerOption("--seed", values.seed, 0),
      budget: budgeted ? integerOption("--budget", values.budget ?? `${DEFAULT_BUDGET}`, 1) : null,
    };
    const sources = plotSources(engineOption(values.engine));
    const threads = threadsOption(values.threads);
    // A budget bounds the sweep by time; without one the cost cap bounds it by its sizes.
    if (settings.budget === null) {
      const cost = sweepCost(settings, sources);
      checkCost(COST_CAPS.plot, `--max-n ${settings.maxN}${values["max-n-tokenwise"] === undefined ? "" : ` --max-n-tokenwise ${settings.maxNTokenwise}`}`, cost.pairs, `${cost.decodes} decodes`, values.force);
    }
    const tty = process.stderr.isTTY;
    const bar = progressBar(tty ? process.stderr : null);
    const sizeDone = tty ? undefined : (line: string) => io.err(`apmdm plot: ${line}\n`);
    // The decodes run on `threads` threads (taskPool); without a budget the files do not depend on how many.
    const pool = taskPool(threads);
    const files = await buildPlots(settings, sources, { update: bar.update, sizeDone }, pool).finally(() => {
      bar.finish();
      return pool.close();
    });
    writeFiles(values.out, files);
    io.out(`wrote ${files.length} files to ${values.out}\n`);
    return 0;
  },
};
