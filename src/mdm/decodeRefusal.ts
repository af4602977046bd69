import { UserError } from "../errors.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { decodeBounds } from "./decodeBounds.js";
import type { DecodeModel } from "./mdmRun.js";

/**
 * Why the layouts refuse the decode of `instance` by `model` (the code of decodeBounds' UserError: too wide
 * to compile, too long to fit), or null when it passes; sweeps (plot, bench) end a series there.
 */
export function decodeRefusal(instance: PramInstance, model: DecodeModel): string | null {
  try {
    decodeBounds(instance, model);
    return null;
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
}
