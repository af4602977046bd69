import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../errors.js";

/** What parseOptions returns for these options (named, so that the build can emit declarations). */
type ParsedOptions<T extends NonNullable<ParseArgsConfig["options"]>> = Pick<ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>, "values" | "positionals">;

/**
 * node:util parseArgs, strict, with its errors turned into one-line UserErrors that name the bad option,
 * and three rules of our own (docs/cli.md): a value may start with `-` when it looks like a number or a
 * list of numbers (`--input -3,1`, `--n -1`: the command then says what range it takes); an option given
 * twice is an error, not "the last one wins"; an empty value (`--out ''`) is an error.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: readonly string[], options: T): ParsedOptions<T> {
  const fail = (why: string): never => {
    throw new UserError("cli/options", why);
  };
  const joined: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const name = /^--([^=]+)$/.exec(args[k])?.[1];
    const next = args[k + 1];
    const takesValue = name !== undefined && Object.hasOwn(options, name) && options[name].type === "string";
    if (takesValue && next !== undefined && /^-[\d.,]/.test(next)) {
      joined.push(`--${name}=${next}`);
      k++;
    } else joined.push(args[k]);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joined, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const ambiguous = /^Option '(--[^ ']+)[^']*' argument is ambiguous/.exec(message);
    return fail(ambiguous ? `${ambiguous[1]} needs a value (to give one that starts with '-', write ${ambiguous[1]}=VALUE)` : message);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) fail(`--${token.name} given twice`);
    seen.add(token.name);
    if (token.value === "") fail(`--${token.name} has an empty value`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
