import { constructApMdm } from "../ap-mdm/thm4/constructApMdm.js";
import { compile } from "../efasp/compile.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { decodeBounds } from "./decodeBounds.js";
import type { DecodeModel } from "./mdmRun.js";
import { passFlops } from "./passFlops.js";
import { constructMdm } from "./thm1/constructMdm.js";

/**
 * The dense count of an instance's decode by a process, before it runs: the step cap × passFlops over the
 * longest canvas (decodeBounds), from the compiled model's shape. An upper bound on the decode's `flops`
 * meter; the construction and compilation it needs are a fraction of a second at the canvas cap (the
 * layouts refuse, first, what could not be compiled or would not fit).
 */
export function decodeCost(instance: PramInstance, model: DecodeModel): { readonly flops: number; readonly steps: number; readonly context: number } {
  const { steps, context } = decodeBounds(instance, model);
  const program = model === "ap-mdm" ? constructApMdm(instance).program : constructMdm(instance).program(model === "arm");
  return { flops: steps * passFlops(compile(program).model.config, context), steps, context };
}
