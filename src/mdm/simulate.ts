import { constructApMdm } from "../ap-mdm/thm4/constructApMdm.js";
import { decodeThm4 } from "../ap-mdm/thm4/decodeThm4.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { runPram } from "../pram/runPram.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { compiledPredictor, type ModelShape } from "./compiledPredictor.js";
import { observedPredictor } from "./observedPredictor.js";
import { evaluatorPredictor } from "./evaluatorPredictor.js";
import type { DecodeModel, MdmRun } from "./mdmRun.js";
import type { Prediction, Predictor } from "./predictor.js";
import { constructMdm } from "./thm1/constructMdm.js";
import { decodeThm1 } from "./thm1/decodeThm1.js";

export interface SimulateOptions {
  readonly model: DecodeModel;
  readonly trace?: boolean;
  /** "weights" (default): the compiled transformer; "evaluator": the E-FASP reference, for differential tests. */
  readonly backend?: "weights" | "evaluator";
  /** How the weights backend runs its forward passes (default incremental; see ForwardEngine). */
  readonly engine?: ForwardEngine;
  /** Called with every forward pass's prediction, in decoding order (the proofs read the margins). */
  readonly onPrediction?: (prediction: Prediction) => void;
}

/** A run, with the compiled model it decoded with (null on the evaluator backend), e.g. for the REPL's inspector. */
export type Simulation = MdmRun & { readonly transformer: Transformer | null };

/**
 * simulate = construct ▷ compile ▷ decode ▷ compare (style.md): runs the PRAM interpreter on the input
 * (a PRAM error is raised as is: there is nothing to compare), builds the Theorem 1 program (MDM,
 * Masked-ARM, ARM) or the Theorem 4 program (AP-MDM) for the instance, compiles it to transformer weights,
 * and decodes with the chosen process, each step one real forward pass. The run carries both outputs;
 * callers compare them.
 */
export function simulate(instance: PramInstance, input: readonly number[], options: SimulateOptions): Simulation {
  const pram = runPram(instance, input);
  return { ...decodeInstance(instance, input, options), pramOutput: pram.output, pramMeters: pram.meters };
}

/** A decode without the PRAM beside it: construct ▷ compile ▷ decode. An error token is raised as its MdmError. */
export type Decoded = Omit<Simulation, "pramOutput" | "pramMeters">;

/** simulate without the PRAM run: used where the PRAM run failed and the decode is wanted anyway (mdm run). */
export function decodeInstance(instance: PramInstance, input: readonly number[], options: SimulateOptions): Decoded {
  const backend = (program: EfaspProgram): { predictor: Predictor; shape: ModelShape; model: Transformer | null } => {
    const built = options.backend === "evaluator" ? { predictor: evaluatorPredictor(program), shape: { layers: 0, heads: 0, width: 0, params: 0 }, model: null } : compiledPredictor(program, options.engine);
    return options.onPrediction ? { ...built, predictor: observedPredictor(built.predictor, options.onPrediction) } : built;
  };
  const common = { program: instance.name, n: instance.n, model: options.model };
  if (options.model === "ap-mdm") {
    const construction = constructApMdm(instance);
    const { predictor, shape, model } = backend(construction.program);
    const { result, output } = decodeThm4(construction, input, predictor, options.trace);
    const m = result.meters;
    return {
      ...common,
      output,
      meters: {
        steps: m.steps,
        context: m.peakContext,
        ...shape,
        flops: m.flops,
        work: m.work,
        fullPasses: m.fullPasses,
        unmaskedPerStep: result.trace?.edits.map((e) => e.unmask.length) ?? [],
        apMdm: { peakContext: m.peakContext, unmask: m.unmasked, remask: m.remasked, insert: m.inserted, delete: m.deleted },
      },
      vocab: construction.vocab.names,
      canvases: result.trace?.canvases ?? null,
      edits: result.trace?.edits,
      describe: construction.layout.describe,
      transformer: model,
    };
  }
  const construction = constructMdm(instance);
  const { predictor, shape, model } = backend(construction.program(options.model === "arm"));
  const { result, output } = decodeThm1(construction, input, options.model, predictor, options.trace);
  return {
    ...common,
    output,
    meters: { steps: result.steps, context: construction.layout.length, ...shape, flops: result.flops, work: result.work, fullPasses: result.fullPasses, unmaskedPerStep: result.unmaskedPerStep },
    vocab: construction.vocab.names,
    canvases: result.canvases,
    describe: construction.layout.describe,
    transformer: model,
  };
}
