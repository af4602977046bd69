import { bufferLayout } from "../ap-mdm/thm4/bufferLayout.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { DecodeModel } from "./mdmRun.js";
import { canvasLayout } from "./thm1/canvasLayout.js";

/**
 * The step cap and the longest canvas of an instance's decode by each process, from its header alone (the
 * layouts refuse, as the constructions do, what could not be compiled or would not fit):
 *  - mdm: T + 2 steps (the construction needs at most T + 1) over the Theorem 1 canvas;
 *  - masked-arm, arm: one step per position of that canvas;
 *  - ap-mdm: ⌈log₂ S⌉ growth + 1 init + T + 2 finish + 1 check, and 1 more (decodeThm4's cap), peak S.
 * decodeThm1 and decodeThm4 take their caps from here; cost estimates (apmdm plot) multiply them out.
 */
export function decodeBounds(instance: PramInstance, model: DecodeModel): { readonly steps: number; readonly context: number } {
  if (model === "ap-mdm") {
    const { S } = bufferLayout(instance);
    return { steps: Math.ceil(Math.log2(S)) + instance.stepBound + 5, context: S };
  }
  const { length, T } = canvasLayout(instance);
  return { steps: model === "mdm" ? T + 2 : length, context: length };
}
