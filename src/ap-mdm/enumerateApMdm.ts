import { MdmError } from "../mdm/MdmError.js";
import type { Predictor } from "../mdm/predictor.js";
import { emittingPositions } from "./emittingPositions.js";
import { transition } from "./transition.js";

export interface Enumeration {
  /** Every fixed point some choice of ties reaches, each once, in the order first found. */
  readonly finals: Int32Array[];
  /** Distinct canvases visited (each predicted once). */
  readonly states: number;
  /** Transitions taken: one per (state, choice of ties). */
  readonly transitions: number;
}

/**
 * Every outcome of a stochastic AP-MDM decode: a search over the choice tree, where at each step every
 * masked position that takes a token may take any of its exactly tied maximal tokens, independently
 * (the cartesian product of the tie sets is every sampled decode can do in that step). Canvases already
 * visited are not expanded again, so the search is over the graph of canvases and ends on cycles. A step
 * that changes nothing with masks left is "stuck" (as in decodeApMdm); more than `maxStates` canvases is
 * "step-cap".
 */
export function enumerateApMdm(predictor: Predictor, initial: Int32Array, maxStates: number): Enumeration {
  const M = predictor.maskToken;
  const seen = new Set<string>([initial.join()]);
  const todo: Int32Array[] = [Int32Array.from(initial)];
  const finals: Int32Array[] = [];
  let transitions = 0;
  while (todo.length > 0) {
    const canvas = todo.pop()!;
    const p = predictor.predict(canvas);
    if (p.control === null) throw new MdmError("stuck", "the predictor gives no remask/insert/delete bits: not an AP-MDM");
    const at = emittingPositions(canvas, p.control, M);
    const options = at.map((i) => p.tied(i));
    const emit = Int32Array.from(p.prediction);
    const choice = new Array<number>(at.length).fill(0);
    for (;;) {
      for (let c = 0; c < at.length; c++) emit[at[c]] = options[c][choice[c]];
      transitions += 1;
      const next = transition(canvas, emit, p.control, M, 1).canvas;
      const key = next.join();
      if (key === canvas.join()) {
        if (next.includes(M)) throw new MdmError("stuck", `canvas ${key} does not change with masks left`);
        finals.push(next);
      } else if (!seen.has(key)) {
        if (seen.size >= maxStates) throw new MdmError("step-cap", `enumeration passed ${maxStates} canvases`);
        seen.add(key);
        todo.push(next);
      }
      // The next choice, as a mixed-radix counter over the tie sets.
      let c = 0;
      while (c < at.length && choice[c] === options[c].length - 1) choice[c++] = 0;
      if (c === at.length) break;
      choice[c] += 1;
    }
  }
  return { finals, states: seen.size, transitions };
}
