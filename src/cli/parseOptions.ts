import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../errors.js";

/** node:util parseArgs, with its errors turned into one-line UserErrors that name the bad option. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError("cli/options", e instanceof Error ? e.message.split("\n")[0] : String(e));
  }
}
