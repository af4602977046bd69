import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import { formatExpr } from "../pram/formatExpr.js";
import { UserError } from "../errors.js";
import type { Command } from "./command.js";

export const pramListCommand: Command = {
  path: ["pram", "list"],
  usage: "pram list",
  summary: "the program library: each program's summary and declared bounds T(n), P(n), S(n)",
  async run(args, io) {
    if (args.length > 0) throw new UserError("cli/options", `unexpected argument '${args[0]}' (pram list takes none)`);
    const rows = library.map((e) => {
      const h = loadProgram(e.name).header;
      return `${e.name.padEnd(21)} ${e.summary}\n${" ".repeat(22)}T(n) = ${formatExpr(h.steps)}   P(n) = ${formatExpr(h.processors)}   S(n) = ${formatExpr(h.memory)}   ${h.mode}`;
    });
    io.out(`${rows.join("\n")}\n`);
    return 0;
  },
};
