import type { PramInstance } from "../pram/pramInstance.js";
import type { PramProgram } from "../pram/pramProgram.js";
import type { DecodeView } from "./decodeView.js";
import type { PramFrame } from "./pramFrame.js";
import type { ReplModel } from "./replModel.js";
import type { SamplingSession } from "./samplingSession.js";

/** Everything the REPL knows; every command maps one state to the next with immer's produce. */
export interface ReplState {
  readonly program: { readonly name: string; readonly program: PramProgram } | null;
  readonly model: ReplModel;
  readonly session: ReplSession | null;
  /** A sampling decode (the `sample` command); while one is loaded, stepping moves through it. */
  readonly sampling: SamplingSession | null;
  /** The frame shown: a decoding step when a decode is loaded, else a PRAM step. */
  readonly cursor: number;
}

/** A program run on one input: the PRAM's frames and, when a decoder is available, the decode. */
export interface ReplSession {
  readonly instance: PramInstance;
  readonly input: readonly number[];
  readonly output: readonly number[];
  readonly pram: readonly PramFrame[];
  readonly decode: DecodeView | null;
}

export const initialReplState: ReplState = { program: null, model: "mdm", session: null, sampling: null, cursor: 0 };
