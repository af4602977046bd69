import { CANVAS_ERRORS } from "./thm1/canvasVocabulary.js";
import { MdmError } from "./MdmError.js";
import { maxOf, minOf } from "../minMax.js";
import type { CanvasLayout } from "./thm1/canvasLayout.js";
import { RECORD_SIZE } from "./thm1/canvasLayout.js";
import type { CanvasVocabulary } from "./thm1/canvasVocabulary.js";

/**
 * The error a canvas reports, as the typed error, or null. When a decoding step writes several error
 * tokens, the one reported is the one the PRAM interpreter raises (docs/semantics.md): the earliest
 * block; in it, the lowest pid; for one processor, its instruction's own error (address, overflow) before
 * falling off the end. Conflict and step-bound tokens fill a whole block or the output, so they never
 * compete with a processor's error of the same step.
 */
export function canvasError(canvas: ArrayLike<number>, vocab: CanvasVocabulary, layout: CanvasLayout, step: number | null = null): MdmError | null {
  let best: { key: number; position: number; kind: (typeof CANVAS_ERRORS)[number] } | null = null;
  // Only ids between the least and the greatest error token can be one (a decode checks every step's canvas).
  const ids = CANVAS_ERRORS.map((kind) => vocab.error(kind));
  const low = minOf(ids);
  const high = maxOf(ids);
  for (let i = 0; i < canvas.length; i++) {
    if (canvas[i] < low || canvas[i] > high) continue;
    const t = vocab.read(canvas[i]);
    if (t.kind !== "error") continue;
    const o = i - layout.recordBase;
    const block = Math.floor(o / layout.blockSize);
    const pid = Math.floor(o / RECORD_SIZE) % layout.P;
    const key = i >= layout.outputBase ? Number.MAX_SAFE_INTEGER : (block * layout.P + pid) * 2 + (t.error === "fell-off" ? 1 : 0);
    if (best === null || key < best.key) best = { key, position: i, kind: t.error };
  }
  const when = step === null ? "" : ` (decoding step ${step})`;
  return best && new MdmError(best.kind, `the simulated run failed: ${best.kind} error at ${layout.describe(best.position)} (canvas position ${best.position})${when}`, step);
}
