import type { PramInstance } from "../../pram/pramInstance.js";

/** The error a record can report, as a token; the decode turns it back into a typed error. */
export type CanvasErrorKind = "overflow" | "address" | "division" | "shift" | "jump" | "fell-off" | "step-bound" | "conflict";
export const CANVAS_ERRORS: readonly CanvasErrorKind[] = ["overflow", "address", "division", "shift", "jump", "fell-off", "step-bound", "conflict"];

/**
 * The token vocabulary of the Theorem 1 canvas for one PRAM instance:
 *   M, BOS, NONE, HALT, ERR:<kind>…, pc0…pc(L−1), r0…r(R−1), then one token per word value
 *   −2^(w−1) … 2^(w−1)−1 (the value v has id valueBase + v + 2^(w−1)).
 */
export interface CanvasVocabulary {
  readonly names: readonly string[];
  readonly mask: number;
  readonly bos: number;
  readonly none: number;
  readonly halt: number;
  readonly error: (kind: CanvasErrorKind) => number;
  readonly pc: (k: number) => number;
  readonly reg: (r: number) => number;
  readonly value: (v: number) => number;
  /** The smallest and largest word values. */
  readonly minWord: number;
  readonly maxWord: number;
  /** What a token id is, for decoding the canvas back. */
  readonly read: (id: number) => CanvasToken;
}

export type CanvasToken =
  | { readonly kind: "mask" }
  | { readonly kind: "bos" }
  | { readonly kind: "none" }
  | { readonly kind: "halt" }
  | { readonly kind: "error"; readonly error: CanvasErrorKind }
  | { readonly kind: "pc"; readonly pc: number }
  | { readonly kind: "reg"; readonly reg: number }
  | { readonly kind: "value"; readonly value: number };

export function canvasVocabulary(instance: PramInstance): CanvasVocabulary {
  const L = instance.code.length;
  const R = instance.registers;
  const minWord = -(2 ** (instance.wordBits - 1));
  const maxWord = 2 ** (instance.wordBits - 1) - 1;
  const errorBase = 4;
  const pcBase = errorBase + CANVAS_ERRORS.length;
  const regBase = pcBase + L;
  const valueBase = regBase + R;
  const names = ["M", "BOS", "NONE", "HALT", ...CANVAS_ERRORS.map((e) => `ERR:${e}`)];
  for (let k = 0; k < L; k++) names.push(`pc${k}`);
  for (let r = 0; r < R; r++) names.push(`r${r}`);
  for (let v = minWord; v <= maxWord; v++) names.push(String(v));
  const read = (id: number): CanvasToken => {
    if (id === 0) return { kind: "mask" };
    if (id === 1) return { kind: "bos" };
    if (id === 2) return { kind: "none" };
    if (id === 3) return { kind: "halt" };
    if (id < pcBase) return { kind: "error", error: CANVAS_ERRORS[id - errorBase] };
    if (id < regBase) return { kind: "pc", pc: id - pcBase };
    if (id < valueBase) return { kind: "reg", reg: id - regBase };
    return { kind: "value", value: id - valueBase + minWord };
  };
  return {
    names,
    mask: 0,
    bos: 1,
    none: 2,
    halt: 3,
    error: (kind) => errorBase + CANVAS_ERRORS.indexOf(kind),
    pc: (k) => pcBase + k,
    reg: (r) => regBase + r,
    value: (v) => valueBase + v - minWord,
    minWord,
    maxWord,
    read,
  };
}
