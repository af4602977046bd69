import type { Circuit } from "../circuit/circuit.js";
import { type CircuitShape, circuitShape } from "../circuit/circuitShape.js";
import { compile } from "../efasp/compile.js";
import type { EfaspProgram } from "../efasp/efaspProgram.js";
import { evaluatorPredictor } from "../mdm/evaluatorPredictor.js";
import type { Predictor } from "../mdm/predictor.js";
import { weightsPredictor } from "../mdm/weightsPredictor.js";
import { BIT_MASK, tokenBit } from "./bitVocabulary.js";
import { gatePerPositionProgram } from "./gatePerPositionProgram.js";
import { PARITY_REMASK_STEPS, parityRemaskProgram } from "./parityRemaskProgram.js";
import { remaskProgram } from "./remaskProgram.js";
import { SamplingError } from "./SamplingError.js";

/**
 * The sampling processes: `mdm` (chain of thought, a position per gate), `arm` (the same gates one per step,
 * causal), `ap-mdm` (remasking, slots reused), `ap-mdm-parity` (the constant-step even-parity sampler; only
 * for the even-parity circuits, whose distribution it must reproduce).
 */
export type SamplerModel = "mdm" | "arm" | "ap-mdm" | "ap-mdm-parity";
export const SAMPLER_MODELS: readonly SamplerModel[] = ["mdm", "arm", "ap-mdm", "ap-mdm-parity"];

/** How a sampler's canvas is decoded: the decoding loops of src/mdm and src/ap-mdm. */
export type DecodeKind = "mdm" | "arm" | "ap-mdm";

export interface Sampler {
  readonly model: SamplerModel;
  readonly circuit: Circuit;
  readonly shape: CircuitShape;
  readonly program: EfaspProgram;
  readonly decode: DecodeKind;
  /** The canvas a decode starts from (ARM: empty). */
  readonly initial: Int32Array;
  /** ARM: the sequence length; otherwise the initial length. */
  readonly length: number;
  /** The step count the construction promises: decodes are capped there. */
  readonly steps: number;
  /** The output string ("0110") a final canvas stands for. */
  readonly readOutput: (canvas: Int32Array) => string;
  /**
   * The gate, and its bit, that position i of any canvas of the decode holds (null: a mask); null for the
   * parity sampler, whose positions hold draws that are not yet the circuit's gates.
   */
  readonly gateAt: ((canvas: Int32Array, i: number) => { readonly gate: number; readonly bit: number } | null) | null;
}

/** The sampler of a circuit as an E-FASP program (compile it, or evaluate it, with samplerPredictor). */
export function buildSampler(circuit: Circuit, model: SamplerModel): Sampler {
  const shape = circuitShape(circuit);
  const base = { model, circuit, shape };
  const byGate = (canvas: Int32Array) => circuit.outputs.map((g) => tokenBit(canvas[g])).join("");
  const atPosition = (canvas: Int32Array, i: number) => (canvas[i] === BIT_MASK ? null : { gate: i, bit: tokenBit(canvas[i]) });
  switch (model) {
    case "mdm":
      return { ...base, program: gatePerPositionProgram(circuit, false), decode: "mdm", initial: new Int32Array(shape.size).fill(BIT_MASK), length: shape.size, steps: shape.depth + 1, readOutput: byGate, gateAt: atPosition };
    case "arm":
      return { ...base, program: gatePerPositionProgram(circuit, true), decode: "arm", initial: new Int32Array(0), length: shape.size, steps: shape.size, readOutput: byGate, gateAt: atPosition };
    case "ap-mdm": {
      const r = remaskProgram(circuit);
      const readOutput = (canvas: Int32Array) => {
        const bits = new Map<number, number>();
        for (const t of canvas) {
          const x = r.gateOf(t);
          if (x) bits.set(x.gate, x.bit);
        }
        return circuit.outputs.map((g) => bits.get(g)).join("");
      };
      const slots = r.allocation.slots;
      const gateAt = (canvas: Int32Array, i: number) => r.gateOf(canvas[i]);
      return { ...base, program: r.program, decode: "ap-mdm", initial: new Int32Array(slots).fill(0), length: slots, steps: r.allocation.depth + 3, readOutput, gateAt };
    }
    case "ap-mdm-parity": {
      if (!/^even-parity(-pairs)? n=\d+$/.test(circuit.name)) {
        throw new SamplingError("model", `ap-mdm-parity samples even-parity strings only: use it with even-parity or even-parity-pairs, not ${circuit.name}`);
      }
      const n = shape.outputs;
      const readOutput = (canvas: Int32Array) => Array.from(canvas, tokenBit).join("");
      return { ...base, program: parityRemaskProgram(n), decode: "ap-mdm", initial: new Int32Array(n).fill(BIT_MASK), length: n, steps: PARITY_REMASK_STEPS, readOutput, gateAt: null };
    }
  }
}

/** The predictor a sampler decodes with: the compiled transformer (the real thing) or the E-FASP evaluator (its oracle). */
export function samplerPredictor(s: Sampler, over: "weights" | "evaluator"): Predictor {
  return over === "weights" ? weightsPredictor(compile(s.program).model) : evaluatorPredictor(s.program);
}
