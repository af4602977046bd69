import { CANVAS_ERRORS, type CanvasErrorKind } from "../../mdm/thm1/canvasVocabulary.js";
import type { PramInstance } from "../../pram/pramInstance.js";

/**
 * The token vocabulary of the Theorem 4 canvas for one PRAM instance:
 *   M, BOS, HALT, ERR:<kind>… (the Theorem 1 error kinds), pc0 … pc(L−1), clock0 … clockT, then one token
 *   per word value −2^(w−1) … 2^(w−1)−1 (the value v has id valueBase + v + 2^(w−1)).
 * A pc cell holds pc·k or HALT, a clock cell clock·t (t ≤ T, the declared step bound), memory and
 * register cells hold values; an error token replaces the cell the failed step would have written.
 */
export interface ApMdmVocabulary {
  readonly names: readonly string[];
  readonly mask: number;
  readonly bos: number;
  readonly halt: number;
  readonly error: (kind: CanvasErrorKind) => number;
  readonly pc: (k: number) => number;
  readonly clock: (t: number) => number;
  readonly value: (v: number) => number;
  readonly minWord: number;
  readonly maxWord: number;
  readonly read: (id: number) => ApMdmToken;
}

export type ApMdmToken =
  | { readonly kind: "mask" }
  | { readonly kind: "bos" }
  | { readonly kind: "halt" }
  | { readonly kind: "error"; readonly error: CanvasErrorKind }
  | { readonly kind: "pc"; readonly pc: number }
  | { readonly kind: "clock"; readonly clock: number }
  | { readonly kind: "value"; readonly value: number };

export function apMdmVocabulary(instance: PramInstance): ApMdmVocabulary {
  const L = instance.code.length;
  const T = instance.stepBound;
  const minWord = -(2 ** (instance.wordBits - 1));
  const maxWord = 2 ** (instance.wordBits - 1) - 1;
  const errorBase = 3;
  const pcBase = errorBase + CANVAS_ERRORS.length;
  const clockBase = pcBase + L;
  const valueBase = clockBase + T + 1;
  const names = ["M", "BOS", "HALT", ...CANVAS_ERRORS.map((e) => `ERR:${e}`)];
  for (let k = 0; k < L; k++) names.push(`pc${k}`);
  for (let t = 0; t <= T; t++) names.push(`clock${t}`);
  for (let v = minWord; v <= maxWord; v++) names.push(String(v));
  const read = (id: number): ApMdmToken => {
    if (id === 0) return { kind: "mask" };
    if (id === 1) return { kind: "bos" };
    if (id === 2) return { kind: "halt" };
    if (id < pcBase) return { kind: "error", error: CANVAS_ERRORS[id - errorBase] };
    if (id < clockBase) return { kind: "pc", pc: id - pcBase };
    if (id < valueBase) return { kind: "clock", clock: id - clockBase };
    return { kind: "value", value: id - valueBase + minWord };
  };
  return {
    names,
    mask: 0,
    bos: 1,
    halt: 2,
    error: (kind) => errorBase + CANVAS_ERRORS.indexOf(kind),
    pc: (k) => pcBase + k,
    clock: (t) => clockBase + t,
    value: (v) => valueBase + v - minWord,
    minWord,
    maxWord,
    read,
  };
}
