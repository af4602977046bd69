import type { ControlBits } from "./transition.js";

/**
 * The positions whose prediction reaches the next canvas under g: masks that are neither deleted nor
 * remasked. Only their ties matter, to a sampled decode and to an enumeration of every choice.
 */
export function emittingPositions(canvas: Int32Array, control: ControlBits, maskToken: number): number[] {
  const [remask, , del] = control;
  const out: number[] = [];
  for (let i = 0; i < canvas.length; i++) if (canvas[i] === maskToken && remask[i] === 0 && del[i] === 0) out.push(i);
  return out;
}
