/** Where a command writes: the real streams in the CLI, buffers in tests. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stdout is a colour terminal. */
  readonly color: boolean;
}

/** One `apmdm` subcommand, e.g. path ["pram", "run"]. `run` returns the exit code. */
export interface Command {
  readonly path: readonly string[];
  readonly usage: string;
  readonly summary: string;
  readonly run: (args: readonly string[], io: Io) => Promise<number>;
}
