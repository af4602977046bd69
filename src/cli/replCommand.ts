import { UserError } from "../errors.js";
import { historyFile, startRepl } from "../repl/startRepl.js";
import type { Command } from "./command.js";

export const replCommand: Command = {
  path: ["repl"],
  usage: "repl",
  summary: "step through a PRAM run and its decode side by side (type help inside)",
  async run(args, io) {
    if (args.length > 0) throw new UserError("cli/options", `unexpected argument '${args[0]}' (repl takes none)`);
    const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    await startRepl({
      input: process.stdin,
      output: process.stdout,
      terminal,
      color: io.color,
      historyFile: historyFile(terminal, process.env),
      width: process.stdout.columns ?? 100,
    });
    return 0;
  },
};
