import { UserError } from "../errors.js";
import { samplingPlots } from "../plot/samplingPlots.js";
import type { Command } from "./command.js";
import { integerOption } from "./integerOption.js";
import { parseOptions } from "./parseOptions.js";
import { writeFiles } from "./writeFiles.js";

export const plotSamplingCommand: Command = {
  path: ["plot", "sampling"],
  usage: "plot sampling --out DIR [--max-n N] [--seed S]",
  summary: "decode the circuit library's samplers; write steps-vs-depth, context-vs-width and even-parity SVGs, their JSON, and fits.md",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      out: { type: "string" },
      "max-n": { type: "string", default: "8" },
      seed: { type: "string", default: "1" },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    if (values.out === undefined) throw new UserError("cli/options", "--out DIR is required");
    const files = await samplingPlots({ maxN: integerOption("--max-n", values["max-n"], 1), seed: integerOption("--seed", values.seed, 0) });
    writeFiles(values.out, files);
    io.out(`wrote ${files.length} files to ${values.out}\n`);
    return 0;
  },
};
