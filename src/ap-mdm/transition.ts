import type { Prediction } from "../mdm/predictor.js";
import type { EditScript } from "./editScript.js";
import { positionEffect } from "./positionEffect.js";

/** Remask, insert and delete bits per position. */
export type ControlBits = NonNullable<Prediction["control"]>;

export interface Transition {
  readonly canvas: Int32Array;
  readonly edits: EditScript;
}

/**
 * The AP-MDM transition g (design.md, AP-MDM), per position, left to right: a mask with its delete bit
 * emits nothing; otherwise the position emits M if its remask bit is set, else `emit[i]` if it is a mask,
 * else its own token; then, if its insert bit is set (and it was not deleted), one more M. `emit[i]` is the
 * token a masked position takes (the argmax ŷᵢ, or a sampled tie); it is read only at masks. Positions in
 * the edit script index the canvas before the step.
 */
export function transition(canvas: Int32Array, emit: Int32Array, control: ControlBits, maskToken: number, step: number): Transition {
  const [remaskBits, insertBits, deleteBits] = control;
  const out = new Int32Array(2 * canvas.length);
  const unmask: number[] = [];
  const remask: number[] = [];
  const insert: number[] = [];
  const deleted: number[] = [];
  let n = 0;
  for (let i = 0; i < canvas.length; i++) {
    // A switch rather than ts-pattern's match: this loop runs over every position of every step, and
    // `satisfies never` keeps it exhaustive all the same.
    const effect = positionEffect(canvas[i], emit[i], remaskBits[i] === 1, deleteBits[i] === 1, maskToken);
    switch (effect) {
      case "delete":
        deleted.push(i);
        continue;
      case "remask":
        remask.push(i);
        out[n++] = maskToken;
        break;
      case "stay-masked":
        out[n++] = maskToken;
        break;
      case "unmask":
        unmask.push(i);
        out[n++] = emit[i];
        break;
      case "keep":
        out[n++] = canvas[i];
        break;
      default:
        return effect satisfies never;
    }
    if (insertBits[i] === 1) {
      insert.push(i);
      out[n++] = maskToken;
    }
  }
  return { canvas: out.slice(0, n), edits: { step, unmask, remask, insert, delete: deleted } };
}
