import type { DecodeModel } from "../mdm/mdmRun.js";
import { simulate } from "../mdm/simulate.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { DecodeView } from "./decodeView.js";
import { decodeViewOf } from "./decodeViewOf.js";

type Decoder = (instance: PramInstance, input: readonly number[]) => Promise<DecodeView>;

/** A traced decode over the compiled weights, viewed with an inspector of the same model. */
const decoder =
  (model: DecodeModel): Decoder =>
  async (instance, input) =>
    decodeViewOf(simulate(instance, input, { model, trace: true }));

/** The decoding processes the REPL (and the demo) can step beside the PRAM. */
export const decoders: Readonly<Record<DecodeModel, Decoder>> = {
  mdm: decoder("mdm"),
  "masked-arm": decoder("masked-arm"),
  arm: decoder("arm"),
  "ap-mdm": decoder("ap-mdm"),
};
