import { decodeMdm } from "../mdm/decodeMdm.js";
import { LIMITS } from "../pram/instantiate.js";
import { maxOf, minOf } from "../minMax.js";
import { MdmError } from "../mdm/MdmError.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { emitDecoder, type Thm2Division } from "./emitDecoder.js";
import { type IntegerMeter, integerPredictor } from "./integerPredictor.js";
import { packModel, type Thm2Layout } from "./packModel.js";
import { Thm2Error } from "./Thm2Error.js";
import { validateIntegerModel } from "./validateIntegerModel.js";

const { wordBits: MAX_WORD, memory: MAX_MEMORY, work: MAX_STEPS } = LIMITS; // one processor: T ≤ 2^52

/** A model's decode of one canvas as a single-processor `.pram` program, with its input. */
export interface Thm2Program {
  /** The `.pram` text: header and code. */
  readonly source: string;
  /** Memory cells 0 … n − 1: canvas, position table, weights (n = input.length). */
  readonly input: number[];
  readonly layout: Thm2Layout;
  /** The word width, from the validated bounds (see wordBitsFor). */
  readonly wordBits: number;
  /** The declared step bound: every pass at its worst case. */
  readonly stepBound: number;
  /** What validation measured on the model's decode of this canvas. */
  readonly meter: IntegerMeter;
}

/**
 * compileThm2 = validate ▷ bound ▷ pack ▷ emit (docs/theorem2.md): checks the model is integer
 * (validateIntegerModel), runs its decode of the canvas in integers to bound every value the program
 * will compute (integerPredictor: tie averages must divide exactly), lays out memory, picks the word
 * width, and writes the code. What does not fit the PRAM is a one-line Thm2Error.
 */
export function compileThm2(model: Transformer, canvas: Int32Array, division: Thm2Division = "long"): Thm2Program {
  validateIntegerModel(model, canvas);
  const meter: IntegerMeter = { maxMagnitude: 0, where: "", divisions: 0, passes: 0 };
  const masks = canvas.reduce((m, t) => m + (t === model.config.maskToken ? 1 : 0), 0);
  try {
    decodeMdm(integerPredictor(model, meter), canvas, "mdm", { maxSteps: masks });
  } catch (e) {
    if (!(e instanceof MdmError && e.kind === "stuck")) throw e;
  }
  const { layout, input } = packModel(model, canvas);
  const heads = model.config.layers.flatMap((l) => l.heads);
  const divisions = meter.passes * heads.reduce((s, h) => s + layout.N * h.dV, 0);
  const lo = minOf(input, 0);
  const hi = maxOf(input, 0);
  const inputMagnitude = Math.max(-lo, hi);
  const counters = Math.max(inputMagnitude, layout.memory, divisions);
  const wordBits = wordBitsFor(Math.max(meter.maxMagnitude, counters));
  if (wordBits > MAX_WORD) {
    throw new Thm2Error("word-size", `the program's input, addresses and counters reach ${counters}: that needs ${wordBits}-bit words, and a PRAM word has at most ${MAX_WORD} bits`);
  }
  if (layout.memory > MAX_MEMORY) throw new Thm2Error("too-large", `the program needs ${layout.memory} memory cells; the PRAM allows at most 2^26`);
  const { code, stepBound, registers } = emitDecoder(layout, wordBits, meter.passes, division);
  if (stepBound > MAX_STEPS) throw new Thm2Error("too-large", `the worst-case step bound ${stepBound} passes the PRAM's limit of 2^52 steps for one processor`);
  const header = [
    `# Theorem 2: the MDM decode of a ${model.config.layers.length}-layer model on a canvas of ${layout.N} tokens, on one processor.`,
    "# Input: canvas, position table, weights (docs/theorem2.md). Output: status (0 done, 1 stuck, 2 inexact), steps, divisions, final canvas.",
    ".name thm2",
    ".processors 1",
    `.memory ${layout.memory}`,
    `.word ${wordBits}`,
    `.registers ${registers}`,
    `.input ${lo}..${hi}`,
    `.output ${layout.output}, ${layout.outputLength}`,
    `.steps ${stepBound}`,
    ".mode EREW",
    `.valid n == ${input.length}`,
    "",
  ];
  return { source: `${[...header, ...code].join("\n")}\n`, input, layout, wordBits, stepBound, meter };
}

/**
 * The narrowest word holding every value: w − 1 magnitude bits for the largest magnitude m (values,
 * partial sums, weights, addresses, counters), plus the sign: the least w with m < 2^(w−1).
 */
export function wordBitsFor(m: number): number {
  let bits = 0;
  while (2 ** bits <= m) bits += 1;
  return Math.max(2, bits + 1);
}
