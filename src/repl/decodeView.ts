import type { CellKind } from "./cellKind.js";
import type { Inspector } from "./inspector.js";

/** One cell of a canvas frame: its token, how it changed in the step just taken, and its position (null: deleted). */
export interface Cell {
  readonly token: number;
  readonly kind: CellKind;
  readonly position: number | null;
}

/**
 * What the REPL shows of a decode, whatever process produced it: frame k is the canvas after k steps
 * (frame 0: before the first), and pramStep(k) the PRAM parallel step whose records frame k has completed.
 */
export interface DecodeView {
  /** e.g. "MDM". */
  readonly label: string;
  readonly vocab: readonly string[];
  /** Decoding steps taken; frames 0 … steps exist. */
  readonly steps: number;
  readonly frame: (k: number) => readonly Cell[];
  readonly pramStep: (k: number) => number;
  /** A short name for what canvas position i holds, e.g. "t3 p1 pc". */
  readonly describe: (position: number) => string;
  /** The decode's meters by name (steps, context, layers, …), in the order to print them. */
  readonly meters: readonly (readonly [string, number])[];
  /** The model's internals at a frame, when the decode kept its transformer; null otherwise. */
  readonly inspector: Inspector | null;
}
