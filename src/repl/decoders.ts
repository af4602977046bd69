import type { PramInstance } from "../pram/pramInstance.js";
import type { DecodeView } from "./decodeView.js";
import type { ReplModel } from "./replModel.js";

type Decoder = (instance: PramInstance, input: readonly number[]) => Promise<DecodeView>;

/** The decoding processes the REPL can step beside the PRAM; register one with one line. */
export const decoders: Partial<Record<Exclude<ReplModel, "pram">, Decoder>> = {};
