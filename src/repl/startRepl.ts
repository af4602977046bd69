import { homedir } from "node:os";
import { join } from "node:path";
import repl from "node:repl";
import type { Readable, Writable } from "node:stream";
import { UserError } from "../errors.js";
import { palette } from "./palette.js";
import type { ReplContext } from "./replCommand.js";
import { replCommands } from "./replCommands.js";
import { initialReplState, type ReplState } from "./replState.js";

export interface ReplOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Whether input/output are a terminal (line editing, history). */
  readonly terminal: boolean;
  readonly color: boolean;
  /** Where history is kept; null: no history. */
  readonly historyFile: string | null;
  /** Columns to wrap to. */
  readonly width: number;
}

/** The history file: $APMDM_HISTORY (empty: none), else ~/.apmdm_repl_history; none when not on a terminal. */
export function historyFile(terminal: boolean, env: NodeJS.ProcessEnv): string | null {
  if (!terminal || env.APMDM_HISTORY === "") return null;
  return env.APMDM_HISTORY ?? join(homedir(), ".apmdm_repl_history");
}

/**
 * Starts the REPL on the given streams; resolves when it closes (`quit`, `.exit`, or end of input).
 * Every line is one command; a bad one prints one line of help and the REPL carries on.
 */
export function startRepl(options: ReplOptions): Promise<void> {
  let state: ReplState = initialReplState;
  const ctx: ReplContext = { palette: palette(options.color), width: options.width };
  const names = [...replCommands.map((c) => c.name), "help", "quit"];
  let queue: Promise<void> = Promise.resolve();
  const answer = async (line: string): Promise<string | undefined> => {
    const [name, ...args] = line.trim().split(/\s+/).filter((w) => w !== "");
    if (name === undefined) return undefined;
    if (name === "quit" || name === "exit") {
      server.close();
      return undefined;
    }
    if (name === "help") return help();
    const command = replCommands.find((c) => c.name === name);
    if (!command) return `unknown command '${name}' (commands: ${names.join(", ")}; help for usage)`;
    try {
      const r = await command.run(state, args, ctx);
      state = r.state;
      return r.text;
    } catch (e) {
      if (e instanceof UserError) return `error: ${e.message}`;
      return `internal error (a bug, please report it): ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  const server = repl.start({
    prompt: "apmdm> ",
    input: options.input,
    output: options.output,
    terminal: options.terminal,
    useColors: options.color,
    ignoreUndefined: true,
    writer: (text: unknown) => String(text),
    completer: (line: string): [string[], string] => {
      const words = line.trimStart().split(/\s+/);
      if (words.length <= 1) return [names.filter((n) => n.startsWith(words[0] ?? "")), words[0] ?? ""];
      const options = replCommands.find((c) => c.name === words[0])?.complete?.() ?? [];
      const last = words[words.length - 1];
      return [options.filter((o) => o.startsWith(last)), last];
    },
    eval: (line, _context, _file, callback) => {
      // Lines may arrive faster than commands finish (piped input): run them one after another.
      queue = queue.then(async () => callback(null, await answer(line)));
    },
  });
  const closed = new Promise<void>((resolve) => server.on("exit", () => resolve()));
  if (options.historyFile) server.setupHistory(options.historyFile, () => {});
  return closed;
}

function help(): string {
  const rows = replCommands.map((c) => `  ${c.usage.padEnd(28)} ${c.summary}`);
  return [
    "commands:",
    ...rows,
    `  ${"help".padEnd(28)} this list`,
    `  ${"quit".padEnd(28)} leave (also .exit, Ctrl-D)`,
    "marks (colours on a terminal): +tok just unmasked, ~M remasked, ^M inserted, -tok deleted, *v changed register or cell",
  ].join("\n");
}
