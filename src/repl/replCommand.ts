import type { Palette } from "./palette.js";
import type { ReplState } from "./replState.js";

/** How the REPL prints: colours or plain markers, and the terminal width to wrap to. */
export interface ReplContext {
  readonly palette: Palette;
  readonly width: number;
}

/** One REPL command: `run` maps the state to the next and says what to print. */
export interface ReplCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly run: (state: ReplState, args: readonly string[], ctx: ReplContext) => Promise<{ readonly state: ReplState; readonly text: string }>;
  /** Completions for the first argument. */
  readonly complete?: () => readonly string[];
}
