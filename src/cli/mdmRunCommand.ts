import { UserError } from "../errors.js";
import { DECODE_MODELS, type DecodeModel, type MdmRun } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import { FORWARD_ENGINES, type ForwardEngine } from "../transformer/forwardEngine.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { Command } from "./command.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";
import { simulationViewer } from "../view/simulationViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";

export const mdmRunCommand: Command = {
  path: ["mdm", "run"],
  usage: `mdm run NAME|FILE.pram --input 3,1,4,1 [--model ${DECODE_MODELS.join("|")}] [--engine ${FORWARD_ENGINES.join("|")}] [--json] [--trace FILE] [--html FILE [--capture 0,1|all]]`,
  summary: "compile a PRAM program to transformer weights and decode it (each step a forward pass); compare with the PRAM",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      input: { type: "string" },
      model: { type: "string", default: "mdm" },
      engine: { type: "string", default: "incremental" },
      json: { type: "boolean", default: false },
      trace: { type: "string" },
      html: { type: "string" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    if (values.input === undefined) throw new UserError("cli/options", "--input is required, e.g. --input 3,1,4,1");
    const model = values.model as DecodeModel;
    if (!DECODE_MODELS.includes(model)) throw new UserError("cli/options", `--model must be one of ${DECODE_MODELS.join(", ")}, got '${values.model}'`);
    const engine = values.engine as ForwardEngine;
    if (!FORWARD_ENGINES.includes(engine)) throw new UserError("cli/options", `--engine must be one of ${FORWARD_ENGINES.join(", ")}, got '${values.engine}'`);
    const capture = captureOption(values.capture);
    const input = parseIntegerList("--input", values.input);
    const instance = instantiate(loadProgram(positionals[0]), input.length);
    const run = simulate(instance, input, { model, engine, trace: values.trace !== undefined || values.html !== undefined });
    const page = values.html === undefined ? null : viewerPage(viewerData(simulationViewer(instance, input, run, capture)));
    if (values.trace !== undefined) writeFileAtomic(values.trace, `${JSON.stringify(traceJson(run))}\n`);
    if (values.html !== undefined && page !== null) writeFileAtomic(values.html, page);
    io.out(values.json ? `${JSON.stringify(runJson(run))}\n` : describeRun(run));
    return sameOutput(run) ? 0 : 1;
  },
};

const sameOutput = (run: MdmRun) => run.output.length === run.pramOutput.length && run.output.every((v, i) => v === run.pramOutput[i]);

/** `--trace FILE`: the decoding process, the vocabulary and every canvas (token ids), and for the AP-MDM every step's edit script. */
function traceJson(run: MdmRun) {
  const steps = (run.canvases ?? []).map((c) => Array.from(c));
  return run.edits ? { model: run.model, vocab: run.vocab, steps, edits: run.edits } : { model: run.model, vocab: run.vocab, steps };
}

function runJson(run: MdmRun) {
  const { steps, context, layers, heads, width, params, flops, work, fullPasses, apMdm } = run.meters;
  const meters = { steps, context, layers, heads, width, params, flops, work, fullPasses };
  const extra = apMdm ? { peakContext: apMdm.peakContext, edits: { unmask: apMdm.unmask, remask: apMdm.remask, insert: apMdm.insert, delete: apMdm.delete } } : {};
  return { program: run.program, n: run.n, model: run.model, output: run.output, pramOutput: run.pramOutput, meters: { ...meters, ...extra } };
}

function describeRun(run: MdmRun): string {
  const m = run.meters;
  const edits = m.apMdm ? [`  edits        ${m.apMdm.unmask} unmask, ${m.apMdm.remask} remask, ${m.apMdm.insert} insert, ${m.apMdm.delete} delete (peak context ${m.apMdm.peakContext})`] : [];
  return [
    `${run.program} (n = ${run.n}) decoded as ${run.model}`,
    `  output       ${run.output.join(",")}`,
    `  PRAM output  ${run.pramOutput.join(",")}  ${sameOutput(run) ? "(equal)" : "(DIFFERENT)"}`,
    `  decoding     ${m.steps} steps (PRAM: T = ${run.pramMeters.T}), context ${m.context}, ${m.flops} FLOPs`,
    `  engine       ${m.work} FLOPs run (${m.fullPasses} full passes of ${m.steps})`,
    ...edits,
    `  transformer  ${m.layers} layers, ${m.heads} heads, width ${m.width}, ${m.params} parameters`,
    "",
  ].join("\n");
}
