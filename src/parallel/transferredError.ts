import { UserError } from "../errors.js";

/**
 * An error thrown in a worker thread, as plain data: a UserError keeps its code and message (the CLI
 * prints that one line and exits 2, as when it is thrown in the main thread), anything else (a bug) its
 * name, message and the worker's stack (the CLI prints it and exits 70).
 */
export type TransferredError =
  | { readonly kind: "user"; readonly name: string; readonly code: string; readonly message: string }
  | { readonly kind: "internal"; readonly name: string; readonly message: string; readonly stack: string | undefined };

export function transferError(e: unknown): TransferredError {
  if (e instanceof UserError) return { kind: "user", name: e.name, code: e.code, message: e.message };
  if (e instanceof Error) return { kind: "internal", name: e.name, message: e.message, stack: e.stack };
  return { kind: "internal", name: "Error", message: String(e), stack: undefined };
}

/** The error again, in the thread that receives it. */
export function reviveError(t: TransferredError): Error {
  const e = t.kind === "user" ? new UserError(t.code, t.message) : new Error(t.message);
  e.name = t.name;
  if (t.kind === "internal" && t.stack !== undefined) e.stack = t.stack;
  return e;
}
