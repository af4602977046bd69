import { MdmError } from "./MdmError.js";
import type { CanvasLayout } from "./thm1/canvasLayout.js";
import type { CanvasVocabulary } from "./thm1/canvasVocabulary.js";

/** The first error token on a canvas, as the typed error it reports, or null. */
export function canvasError(canvas: ArrayLike<number>, vocab: CanvasVocabulary, layout: CanvasLayout): MdmError | null {
  for (let i = 0; i < canvas.length; i++) {
    const t = vocab.read(canvas[i]);
    if (t.kind === "error") return new MdmError(t.error, `the simulated run failed: ${t.error} error at ${layout.describe(i)} (canvas position ${i})`);
  }
  return null;
}
