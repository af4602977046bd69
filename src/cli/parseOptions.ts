import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../errors.js";

/** What parseArgs returns for these options (named, so that the build can emit declarations). */
type ParsedOptions<T extends NonNullable<ParseArgsConfig["options"]>> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** node:util parseArgs, with its errors turned into one-line UserErrors that name the bad option. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: readonly string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError("cli/options", e instanceof Error ? e.message.split("\n")[0] : String(e));
  }
}
