import type { EditScript } from "../ap-mdm/editScript.js";
import type { DecodeView } from "./decodeView.js";
import { editedFrame } from "./editedFrame.js";
import type { Inspector } from "./inspector.js";
import { maskedFrame } from "./maskedFrame.js";

/** A traced decode with no PRAM beside it: its canvases, and for an AP-MDM decode its edit scripts. */
export interface TracedDecode {
  readonly label: string;
  readonly vocab: readonly string[];
  readonly mask: number;
  readonly canvases: readonly Int32Array[];
  /** null: a decode that only unmasks (MDM, ARM). */
  readonly edits: readonly EditScript[] | null;
  readonly describe: (position: number) => string;
  readonly meters: readonly (readonly [string, number])[];
  readonly inspector: Inspector | null;
}

/** A sampler's, a Dyck generation's, max-flow's or Sudoku's traced decode as a DecodeView (frame k's "PRAM step" is k). */
export function traceDecodeView(t: TracedDecode): DecodeView {
  const frame = t.edits ? editedFrame(t.canvases, t.edits, t.mask) : maskedFrame(t.canvases, t.mask);
  return { label: t.label, vocab: t.vocab, steps: t.canvases.length - 1, frame, pramStep: (k) => k, describe: t.describe, meters: t.meters, inspector: t.inspector };
}
