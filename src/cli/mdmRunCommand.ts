import { UserError } from "../errors.js";
import { DECODE_MODELS, type DecodeModel, type MdmRun } from "../mdm/mdmRun.js";
import { MdmError } from "../mdm/MdmError.js";
import { decodeInstance, simulate } from "../mdm/simulate.js";
import { FORWARD_ENGINES, type ForwardEngine } from "../transformer/forwardEngine.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { PramError, type PramErrorKind } from "../pram/pramError.js";
import { runPram } from "../pram/runPram.js";
import type { Command, Io } from "./command.js";
import { checkDecodeCost } from "./costCap.js";
import { engineOption } from "./engineOption.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";
import { simulationViewer } from "../view/simulationViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";

export const mdmRunCommand: Command = {
  path: ["mdm", "run"],
  usage: `mdm run NAME|FILE.pram --input 3,1,4,1 [--model ${DECODE_MODELS.join("|")}] [--engine ${FORWARD_ENGINES.join("|")}] [--force] [--json] [--trace FILE] [--html FILE [--capture 0,1|all]]`,
  summary: "compile a PRAM program to transformer weights and decode it (each step a forward pass); compare with the PRAM",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      input: { type: "string" },
      model: { type: "string", default: "mdm" },
      engine: { type: "string", default: "incremental" },
      force: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      trace: { type: "string" },
      html: { type: "string" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    if (values.input === undefined) throw new UserError("cli/options", "--input is required, e.g. --input 3,1,4,1");
    const model = values.model as DecodeModel;
    if (!DECODE_MODELS.includes(model)) throw new UserError("cli/options", `--model must be one of ${DECODE_MODELS.join(", ")}, got '${values.model}'`);
    const engine = engineOption(values.engine);
    const capture = captureOption(values.capture);
    const input = parseIntegerList("--input", values.input);
    const instance = instantiate(loadProgram(positionals[0]), input.length);
    checkDecodeCost("mdm run", instance, model, engine, values.force);
    const failure = runFailure(instance, input);
    if (failure) return reportFailedRun(instance, input, model, engine, failure, values.json, io);
    const run = simulate(instance, input, { model, engine, trace: values.trace !== undefined || values.html !== undefined });
    const page = values.html === undefined ? null : viewerPage(viewerData(simulationViewer(instance, input, run, capture)));
    if (values.trace !== undefined) writeFileAtomic(values.trace, `${JSON.stringify(traceJson(run))}\n`);
    if (values.html !== undefined && page !== null) writeFileAtomic(values.html, page);
    io.out(values.json ? `${JSON.stringify(runJson(run))}\n` : describeRun(run));
    return sameOutput(run) ? 0 : 1;
  },
};

/** The PRAM kinds raised while the program runs (the decode writes an error token for each), by MdmError kind. */
const RUN_ERRORS: Readonly<Partial<Record<PramErrorKind, MdmError["kind"]>>> = {
  address: "address",
  overflow: "overflow",
  conflict: "conflict",
  "step-bound": "step-bound",
  "fell-off-end": "fell-off",
};

/** The PRAM run's own error (a run-time kind), or null when it runs; any other error is raised as is. */
function runFailure(instance: PramInstance, input: readonly number[]): PramError | null {
  try {
    runPram(instance, input);
    return null;
  } catch (e) {
    if (e instanceof PramError && RUN_ERRORS[e.detail.kind] !== undefined) return e;
    throw e;
  }
}

/**
 * The PRAM run failed: decode anyway (the weights compute error tokens) and print both errors (the PRAM's
 * also as the usual line on stderr). Exit 2
 * when the decode stops on the same kind of error (the input is at fault, and the model agrees), 1 when
 * it reports another error or none (the model and the interpreter disagree).
 */
function reportFailedRun(instance: PramInstance, input: readonly number[], model: DecodeModel, engine: ForwardEngine, failure: PramError, json: boolean, io: Io): number {
  let decoded: { output: number[] } | null = null;
  let error: MdmError | null = null;
  try {
    decoded = decodeInstance(instance, input, { model, engine });
  } catch (e) {
    if (!(e instanceof MdmError)) throw e;
    error = e;
  }
  const same = error !== null && error.kind === RUN_ERRORS[failure.detail.kind];
  io.err(`apmdm mdm run: ${failure.message}\n`);
  if (json) {
    const decode = error ? { error: { kind: error.kind, message: error.message, step: error.step } } : { output: decoded!.output };
    io.out(`${JSON.stringify({ program: instance.name, n: instance.n, model, pramError: { kind: failure.detail.kind, message: failure.message }, ...decode, sameError: same })}\n`);
  } else {
    const verdict = same ? "(the same error)" : "(DIFFERENT)";
    io.out(
      [
        `${instance.name} (n = ${instance.n}) decoded as ${model}`,
        `  PRAM         ${failure.message}`,
        error ? `  decoding     stopped: ${error.message}  ${verdict}` : `  decoding     no error token; output ${decoded!.output.join(",")}  ${verdict}`,
        "",
      ].join("\n"),
    );
  }
  return same ? 2 : 1;
}

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
