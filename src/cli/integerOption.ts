import { UserError } from "../errors.js";

/** Parses an integer option value such as `--max-n 16`, ≥ min; anything else is a one-line UserError. */
export function integerOption(name: string, text: string, min: number): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new UserError("cli/options", `${name} must be an integer ≥ ${min}, got '${text}'`);
  return value;
}
