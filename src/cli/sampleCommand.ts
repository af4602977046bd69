import { circuitDistribution } from "../circuit/circuitDistribution.js";
import { circuitLibrary } from "../circuit/library/index.js";
import { loadCircuit } from "../circuit/loadCircuit.js";
import { UserError } from "../errors.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { formatDistribution, sameDistribution } from "../sampling/distribution.js";
import { exactDistribution } from "../sampling/exactDistribution.js";
import { buildSampler, SAMPLER_MODELS, type SamplerModel } from "../sampling/sampler.js";
import { type SampleRun, sampleOnce } from "../sampling/sampleOnce.js";
import { samplingViewer } from "../view/samplingViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";
import type { Command } from "./command.js";
import { integerOption } from "./integerOption.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Outcomes listed one a line by --exact (beyond this only the verdict is printed). */
const MAX_LISTED = 64;

export const sampleCommand: Command = {
  path: ["sample"],
  usage: `sample NAME|FILE.circuit [--n N] [--model ${SAMPLER_MODELS.join("|")}] [--seed S] [--count K] [--exact] [--trace FILE] [--html FILE [--capture 0,1|all]] [--json] | sample --list`,
  summary: "sample a circuit's output distribution with a compiled MDM (CoT), ARM or AP-MDM (remask); --exact compares distributions; --html writes the first sample's step viewer page",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      n: { type: "string" },
      model: { type: "string", default: "mdm" },
      seed: { type: "string", default: "1" },
      count: { type: "string", default: "1" },
      exact: { type: "boolean", default: false },
      trace: { type: "string" },
      html: { type: "string" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
      json: { type: "boolean", default: false },
      list: { type: "boolean", default: false },
    });
    if (values.list) {
      io.out(circuitLibrary.map((e) => `${e.name.padEnd(18)} n ∈ ${e.minN}…${e.maxN}  ${e.summary}\n`).join(""));
      return 0;
    }
    if (positionals.length !== 1) throw new UserError("cli/options", positionals.length === 0 ? "name a circuit: e.g. 'apmdm sample binomial --n 8' (apmdm sample --list)" : `unexpected argument '${positionals[1]}'`);
    const model = values.model as SamplerModel;
    if (!SAMPLER_MODELS.includes(model)) throw new UserError("cli/options", `--model must be one of ${SAMPLER_MODELS.join(", ")}, got '${values.model}'`);
    const n = values.n === undefined ? null : integerOption("--n", values.n, 0);
    const seed = integerOption("--seed", values.seed, 0);
    const count = integerOption("--count", values.count, 1);
    const circuit = loadCircuit(positionals[0], n);
    const sampler = buildSampler(circuit, model);
    const capture = captureOption(values.capture);
    const { predictor, model: weights, shape: compiled } = compiledPredictor(sampler.program);
    const traced = values.trace !== undefined || values.html !== undefined;
    const runs: (SampleRun & { seed: number })[] = [];
    for (let k = 0; k < count; k++) runs.push({ seed: seed + k, ...sampleOnce(sampler, predictor, seed + k, k === 0 && traced) });
    const exact = values.exact ? exactOf() : null;
    function exactOf() {
      const want = circuitDistribution(circuit);
      const got = exactDistribution(sampler, predictor);
      return { equal: sameDistribution(got.distribution, want), canvases: got.states, decode: formatDistribution(got.distribution), circuit: formatDistribution(want) };
    }
    const page = values.html === undefined ? null : viewerPage(viewerData(samplingViewer(sampler, runs[0], seed, weights, compiled, capture)));
    if (values.trace !== undefined) {
      const vocab = sampler.program.vocab;
      const canvases = runs[0].canvases!.map((c) => Array.from(c, (t) => vocab[t]));
      writeFileAtomic(values.trace, `${JSON.stringify({ circuit: circuit.name, model, seed, output: runs[0].output, canvases }, null, 1)}\n`);
    }
    if (values.html !== undefined && page !== null) writeFileAtomic(values.html, page);
    const { gateDepth: _, ...measures } = sampler.shape;
    if (values.json) {
      const samples = runs.map(({ canvases: _c, ...r }) => r);
      io.out(`${JSON.stringify({ circuit: circuit.name, model, measures, compiled, samples, ...(exact ? { exact } : {}) }, null, 2)}\n`);
    } else {
      const m = sampler.shape;
      io.out(`${circuit.name} · ${model}: depth ${m.depth}, width ${m.width} (leveled ${m.leveledWidth}), size ${m.size}, ${m.randomBits} random bits, ${m.outputs} outputs\n`);
      io.out(`  compiled: ${compiled.layers} layers, ${compiled.heads} heads, width ${compiled.width}, ${compiled.params} parameters\n`);
      for (const r of runs) io.out(`  seed ${r.seed}: ${r.output}   ${r.steps} steps, ${model === "ap-mdm" || model === "ap-mdm-parity" ? "peak context" : "context"} ${r.context}\n`);
      if (exact) {
        io.out(`  exact distribution of the decode (${exact.decode.length} outcomes, ${exact.canvases} canvases): ${exact.equal ? "equal to" : "DIFFERS from"} the circuit's\n`);
        if (exact.decode.length <= MAX_LISTED) io.out(exact.decode.map(([x, p]) => `    ${x}  ${p}\n`).join(""));
      }
    }
    return exact && !exact.equal ? 1 : 0;
  },
};
