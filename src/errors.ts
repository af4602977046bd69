/**
 * Errors a user can cause (bad program text, bad input, corrupt model file, …) are `UserError`s: the CLI
 * prints their one-line message and exits non-zero, with no stack trace. Anything else is a bug.
 */
export class UserError extends Error {
  /** `code` is a stable machine-readable kind, e.g. "pram/syntax" or "model/corrupt". */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
