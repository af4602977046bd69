import type { Simulation } from "../mdm/simulate.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { runPram } from "../pram/runPram.js";
import { decodeViewOf } from "../repl/decodeViewOf.js";
import { pramFrames } from "../repl/pramFrame.js";
import type { ViewerInput } from "./viewerData.js";

/** A traced simulation beside its PRAM run (traced again here, as the REPL does), ready for viewerData. */
export function simulationViewer(instance: PramInstance, input: readonly number[], run: Simulation, capture: ViewerInput["capture"]): ViewerInput {
  const pram = runPram(instance, input, { trace: true });
  return {
    title: `${instance.name}, n = ${instance.n}, input ${input.join(",")}`,
    decode: decodeViewOf(run),
    pram: { instance, frames: pramFrames(instance, input, pram.trace ?? []) },
    circuit: null,
    capture,
  };
}
