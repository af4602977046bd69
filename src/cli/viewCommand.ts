import { join } from "node:path";
import { UserError } from "../errors.js";
import { DECODE_MODELS, type DecodeModel } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { simulationViewer } from "../view/simulationViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";
import type { Command } from "./command.js";
import { checkDecodeCost } from "./costCap.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { writeFiles } from "./writeFiles.js";

export const viewCommand: Command = {
  path: ["view"],
  usage: `view NAME|FILE.pram --input 3,1,4,1 --out DIR [--model ${DECODE_MODELS.join(",")}] [--capture 0,1|all] [--force]`,
  summary: "write a self-contained HTML page per decoding process that steps through the decode beside the PRAM",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      input: { type: "string" },
      out: { type: "string" },
      model: { type: "string", default: "mdm" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
      force: { type: "boolean", default: false },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    if (values.input === undefined) throw new UserError("cli/options", "--input is required, e.g. --input 3,1,4,1");
    if (values.out === undefined) throw new UserError("cli/options", "--out DIR is required");
    const models = values.model.split(",").map((m) => m.trim()) as DecodeModel[];
    const unknown = models.find((m) => !DECODE_MODELS.includes(m));
    if (unknown !== undefined) throw new UserError("cli/options", `--model must list some of ${DECODE_MODELS.join(", ")}, got '${unknown}'`);
    const capture = captureOption(values.capture);
    const input = parseIntegerList("--input", values.input);
    const instance = instantiate(loadProgram(positionals[0]), input.length);
    for (const model of models) checkDecodeCost("view", instance, model, "incremental", values.force);
    // Every decode first, then every file: an error writes nothing.
    const pages = models.map((model) => {
      const run = simulate(instance, input, { model, trace: true });
      return { name: `${instance.name}-${model}.html`, steps: run.meters.steps, text: viewerPage(viewerData(simulationViewer(instance, input, run, capture))) };
    });
    writeFiles(values.out, pages);
    for (const page of pages) io.out(`wrote ${join(values.out, page.name)} (${page.steps} decoding steps)\n`);
    return 0;
  },
};
