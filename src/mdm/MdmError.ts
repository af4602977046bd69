import { UserError } from "../errors.js";
import type { CanvasErrorKind } from "./thm1/canvasVocabulary.js";

/**
 * A decode that cannot go on: the model predicted nothing new while masks remain ("stuck"), passed its
 * step cap, or wrote an error token (the simulated PRAM run failed: the kind mirrors the PRAM's error).
 */
export class MdmError extends UserError {
  constructor(
    readonly kind: "stuck" | "step-cap" | CanvasErrorKind,
    message: string,
    /** The decoding step that wrote the error token (or got stuck), when known. */
    readonly step: number | null = null,
  ) {
    super(`mdm/${kind}`, message);
    this.name = "MdmError";
  }
}
