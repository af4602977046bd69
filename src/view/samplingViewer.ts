import type { ModelShape } from "../mdm/compiledPredictor.js";
import { transformerInspector } from "../repl/transformerInspector.js";
import { traceDecodeView } from "../repl/traceDecodeView.js";
import type { SampleRun } from "../sampling/sampleOnce.js";
import type { Sampler } from "../sampling/sampler.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { ViewerInput } from "./viewerData.js";

const LABELS = { mdm: "MDM sampler", arm: "ARM sampler", "ap-mdm": "AP-MDM sampler", "ap-mdm-parity": "AP-MDM parity sampler" } as const;

/**
 * A traced sample (sampleOnce with trace) beside its circuit, ready for viewerData. The canvas is drawn by
 * region: the MDM and ARM samplers hold gate i at position i, grouped by depth (depth 0: the random bits
 * and constants), so the MDM fills one region per step; the remasking AP-MDM's positions are slots that
 * hold one gate's bit at a time; the parity sampler's canvas doubles, then halves (r₁ M … rₙ M, then
 * M x₁ … M xₙ, then x₁ … xₙ), and its draws are not the circuit's gates: no circuit panel. The circuit panel shows the
 * value of every gate some position holds at that step (the remasking sampler forgets what it remasks).
 */
export function samplingViewer(sampler: Sampler, run: SampleRun, seed: number, model: Transformer, shape: ModelShape, capture: ViewerInput["capture"]): ViewerInput {
  const canvases = run.canvases;
  if (!canvases) throw new RangeError("samplingViewer: the sample was not traced");
  const { circuit, shape: measures } = sampler;
  const describe = (i: number): string => {
    if (sampler.model === "ap-mdm") return `slots ${i}: holds one gate's bit at a time`;
    if (sampler.model === "ap-mdm-parity") return `canvas ${i}`;
    const g = circuit.gates[i];
    const inputs = g.inputs.length === 0 ? "" : `(${g.inputs.map((j) => circuit.gates[j].name).join(", ")})`;
    return `depth${measures.gateDepth[i]} ${g.name} = ${g.op}${inputs}`;
  };
  const context: [string, number] = [run.edits ? "peakContext" : "context", run.context];
  const edits = run.edits ? Object.entries(run.edits) : [];
  const meters: [string, number][] = [["steps", run.steps], context, ...Object.entries(shape), ["flops", run.flops], ...edits];
  const { gateAt } = sampler;
  return {
    title: `${circuit.name}, seed ${seed}: output ${run.output}`,
    decode: traceDecodeView({
      label: LABELS[sampler.model],
      vocab: sampler.program.vocab,
      mask: sampler.program.maskToken,
      canvases,
      edits: run.scripts,
      describe,
      meters,
      inspector: transformerInspector(model, canvases),
    }),
    pram: null,
    circuit: gateAt && {
      circuit,
      depth: measures.gateDepth,
      values: (k) => {
        const values: (number | null)[] = circuit.gates.map(() => null);
        for (let i = 0; i < canvases[k].length; i++) {
          const held = gateAt(canvases[k], i);
          if (held) values[held.gate] = held.bit;
        }
        return values;
      },
    },
    capture,
  };
}
