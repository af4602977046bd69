import { emittingPositions } from "../ap-mdm/emittingPositions.js";
import { transition } from "../ap-mdm/transition.js";
import { MdmError } from "../mdm/MdmError.js";
import type { Predictor } from "../mdm/predictor.js";
import { type Rational, rational } from "../plot/rational.js";
import { addScaled, type Distribution } from "./distribution.js";
import type { Sampler } from "./sampler.js";
import { SamplingError } from "./SamplingError.js";

export interface ExactRun {
  readonly distribution: Distribution;
  /** Distinct canvases predicted (each once). */
  readonly states: number;
}

/** One step's outcomes: the positions that draw, the tokens each may draw (uniformly), and the next canvas for a choice. */
interface Branching {
  readonly options: readonly (readonly number[])[];
  readonly next: (choice: readonly number[]) => Int32Array;
}

/**
 * The exact output distribution of a sampler's decode. A sampled decode draws, at every position that takes
 * a token, uniformly among its exactly tied maxima, independently; so its outcome is a finite tree whose
 * branch probabilities are products of 1/|ties|. This walks that tree over the same predictions and the
 * same transitions as the decoding loops (MDM: every mask takes its draw, drawing the mask keeps it;
 * ARM: the appended position; AP-MDM: g applied to the draws at the emitting positions), memoised on the
 * canvas, and sums the probability of every final canvas's output as a rational. More than `maxStates`
 * canvases is an error, not a truncation.
 */
export function exactDistribution(s: Sampler, predictor: Predictor, maxStates = 20_000): ExactRun {
  const M = predictor.maskToken;
  const memo = new Map<string, Distribution>();
  const one = rational(1n, 1n);

  const branching = (canvas: Int32Array): Branching | null => {
    if (s.decode === "arm") {
      if (canvas.length === s.length) return null;
      const seq = Int32Array.of(...canvas, M);
      const outputs = new Uint8Array(seq.length);
      outputs[canvas.length] = 1;
      const tied = predictor.predict(seq, outputs).tied(canvas.length);
      if (tied.includes(M)) throw new MdmError("stuck", `the ARM may predict MASK at position ${canvas.length}`);
      return { options: [tied], next: ([t]) => Int32Array.of(...canvas, t) };
    }
    if (s.decode === "mdm") {
      const masked = canvas.reduce<number[]>((at, t, i) => (t === M ? [...at, i] : at), []);
      if (masked.length === 0) return null;
      const p = predictor.predict(canvas, Uint8Array.from(canvas, (t) => (t === M ? 1 : 0)));
      const options = masked.map((i) => p.tied(i));
      if (options.every((o) => o.length === 1 && o[0] === M)) throw new MdmError("stuck", `canvas ${canvas.join()} unmasks nothing`);
      return { options, next: (choice) => withTokens(canvas, masked, choice) };
    }
    const p = predictor.predict(canvas);
    if (p.control === null) throw new MdmError("stuck", "the predictor gives no remask/insert/delete bits: not an AP-MDM");
    const at = emittingPositions(canvas, p.control, M);
    const unchanged = (next: Int32Array) => next.length === canvas.length && next.every((t, i) => t === canvas[i]);
    const probe = transition(canvas, p.prediction, p.control, M, 1).canvas;
    if (at.every((i) => p.tied(i).length === 1) && unchanged(probe)) {
      if (canvas.includes(M)) throw new MdmError("stuck", `canvas ${canvas.join()} does not change with masks left`);
      return null;
    }
    return { options: at.map((i) => p.tied(i)), next: (choice) => transition(canvas, withTokens(p.prediction, at, choice), p.control!, M, 1).canvas };
  };

  const walk = (canvas: Int32Array): Distribution => {
    const key = canvas.join();
    const known = memo.get(key);
    if (known) return known;
    if (memo.size >= maxStates) throw new SamplingError("too-large", `the exact distribution of ${s.circuit.name} (${s.model}) passed ${maxStates} canvases`);
    const b = branching(canvas);
    const out = new Map<string, Rational>();
    if (b === null) out.set(s.readOutput(canvas), one);
    else {
      const p = b.options.reduce((q, o) => q * BigInt(o.length), 1n);
      const weight = rational(1n, p);
      const choice = b.options.map((o) => o[0]);
      const digit = new Array<number>(b.options.length).fill(0);
      for (;;) {
        addScaled(out, walk(b.next(choice)), weight);
        let c = 0;
        while (c < digit.length && digit[c] === b.options[c].length - 1) {
          digit[c] = 0;
          choice[c] = b.options[c][0];
          c += 1;
        }
        if (c === digit.length) break;
        digit[c] += 1;
        choice[c] = b.options[c][digit[c]];
      }
    }
    memo.set(key, out);
    return out;
  };
  const distribution = walk(s.initial);
  return { distribution, states: memo.size };
}

function withTokens(canvas: Int32Array, at: readonly number[], tokens: readonly number[]): Int32Array {
  const out = Int32Array.from(canvas);
  at.forEach((i, k) => (out[i] = tokens[k]));
  return out;
}
