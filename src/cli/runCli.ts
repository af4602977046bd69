import { UserError } from "../errors.js";
import type { Io } from "./command.js";
import { commands } from "./commands.js";

/**
 * Runs `apmdm ARGS…`: picks the command with the longest matching path. A UserError becomes one line on
 * stderr and exit code 2; anything else is a bug and keeps its stack trace (exit 70).
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const candidates = commands
    .filter((c) => c.path.every((p, k) => argv[k] === p))
    .sort((a, b) => b.path.length - a.path.length);
  const command = candidates[0];
  if (!command) {
    io.err(`apmdm: unknown command '${argv.join(" ")}' (try 'apmdm help')\n`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.path.length), io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`apmdm ${command.path.join(" ")}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function help(): string {
  const rows = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ["usage: apmdm <command> [options]", "", "commands:", ...rows, ""].join("\n");
}
