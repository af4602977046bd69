import { UserError } from "../errors.js";
import type { Io } from "./command.js";
import { commands } from "./commands.js";
import { escapeControl } from "./escapeControl.js";

/**
 * Runs `apmdm ARGS…`: picks the command with the longest matching path. A UserError becomes one line on
 * stderr (control characters escaped, so a message quoting the user's bytes cannot move the cursor or
 * split the line) and exit code 2; anything else is a bug and keeps its stack trace (exit 70). `apmdm help`
 * prints the usage on stdout (exit 0); `apmdm` alone prints it on stderr (exit 2).
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0) {
    io.err(help()); // no command: a usage error, so the usage goes to stderr
    return 2;
  }
  if (argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    io.out(help());
    return 0;
  }
  const candidates = commands
    .filter((c) => c.path.every((p, k) => argv[k] === p))
    .sort((a, b) => b.path.length - a.path.length);
  const command = candidates[0];
  if (!command) {
    io.err(`apmdm: unknown command '${escapeControl(argv.join(" "))}' (try 'apmdm help')\n`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.path.length), io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`apmdm ${command.path.join(" ")}: ${escapeControl(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

function help(): string {
  const rows = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ["usage: apmdm <command> [options]", "", "commands:", ...rows, ""].join("\n");
}
