import type { Cell } from "./decodeView.js";

/**
 * Frame k of a decode that only unmasks (MDM, Masked-ARM, ARM): each position of canvas k is masked, just
 * unmasked (masked, or not yet there, in canvas k − 1: the ARM's appended token), or kept.
 */
export function maskedFrame(canvases: readonly Int32Array[], mask: number): (k: number) => Cell[] {
  const filled = (k: number, i: number): boolean => i < canvases[k].length && canvases[k][i] !== mask;
  return (k) =>
    Array.from(canvases[k], (token, i) => ({
      token,
      position: i,
      kind: token === mask ? "masked" : k > 0 && !filled(k - 1, i) ? "unmasked" : "kept",
    }));
}
