import { UserError } from "../errors.js";

/**
 * A model directory that cannot be read or written: "missing" (a file is absent or unreadable), "corrupt"
 * (its content breaks docs/model-format.md) or "write" (saving failed; nothing was left half-written).
 * The message names the file and why.
 */
export class ModelError extends UserError {
  constructor(
    readonly kind: "missing" | "corrupt" | "write",
    readonly file: string,
    why: string,
  ) {
    super(`model/${kind}`, `${file}: ${why}`);
    this.name = "ModelError";
  }
}
