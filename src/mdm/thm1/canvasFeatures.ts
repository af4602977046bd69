import type { Feature } from "../../efasp/feature.js";
import { assume, linear } from "../../efasp/local.js";
import { position, token } from "../../efasp/sources.js";
import type { PositionFeature } from "../../transformer/positionFeature.js";
import { positionValue } from "../../transformer/positionValue.js";
import type { CanvasLayout } from "./canvasLayout.js";
import { RECORD_SIZE } from "./canvasLayout.js";
import type { CanvasVocabulary, CanvasToken } from "./canvasVocabulary.js";

/**
 * The free features of the Theorem 1 canvas: functions of one token (its embedding) and of the position
 * (the runtime's fixed position features). Everything else is computed from these by the layers.
 */
export interface CanvasFeatures {
  // token features
  readonly isMask: Feature;
  readonly isBos: Feature;
  readonly isHalt: Feature;
  readonly notHalt: Feature;
  readonly pcOf: Feature;
  readonly isReg: Feature;
  /** Register index of a REG token, −1 for every other token. */
  readonly regKey: Feature;
  readonly regKeySq: Feature;
  readonly isValue: Feature;
  /** The value of a value token, 0 for every other token; its square; its w two's-complement bits. */
  readonly value: Feature;
  readonly valueSq: Feature;
  readonly valueBits: readonly Feature[];
  /** The token id itself. */
  readonly id: Feature;
  // position features
  readonly pos: Feature;
  readonly posSq: Feature;
  /** Block index t − 1 of a record position (0-based step), and its square. */
  readonly blk: Feature;
  readonly blkSq: Feature;
  /** Processor id of a record position, its square and bits. */
  readonly pid: Feature;
  readonly pidSq: Feature;
  readonly pidBits: readonly Feature[];
  /** Field within the record (0, 1, 2) as indicator bits, and the write-record bit. */
  readonly field0: Feature;
  readonly field1: Feature;
  readonly field2: Feature;
  readonly writePart: Feature;
  /** Position within its block, 0 … 2·P·3 − 1. */
  readonly inBlock: Feature;
  readonly isInput: Feature;
  readonly inRecords: Feature;
  readonly isOutput: Feature;
  readonly firstBlock: Feature;
  /** For input positions, the memory cell they hold (position − 1); its square. */
  readonly inputCell: Feature;
  readonly inputCellSq: Feature;
  /** For output positions, their index in the output region (position − outputBase). */
  readonly outputOffset: Feature;
}

/** Threshold and window indicators come from the binary position code: bit 0 of floor((i − a + D)/D). */
const HUGE = 2 ** 30;

export function canvasFeatures(layout: CanvasLayout, vocab: CanvasVocabulary, wordBits: number): CanvasFeatures {
  const V = vocab.names.length;
  const tokens = Array.from({ length: V }, (_, id) => vocab.read(id));
  const table = (f: (t: CanvasToken) => number) => tokens.map(f);
  const S = layout.length;
  const B0 = layout.recordBase;
  const P = layout.P;
  const idx = (name: string, offset: number, divisor: number, modulus: number | null, power: 1 | 2) =>
    positionFeatureOver(name, { kind: "index", offset, divisor, modulus, power }, S);
  const bit = (name: string, offset: number, divisor: number, modulus: number | null, b: number) =>
    positionFeatureOver(name, { kind: "bit", offset, divisor, modulus, bit: b }, S);
  const atLeast = (name: string, a: number) => bit(name, a - HUGE, HUGE, null, 0);

  const value = token("value", table((t) => (t.kind === "value" ? t.value : 0)));
  const isHalt = token("isHalt", table((t) => (t.kind === "halt" ? 1 : 0)));
  const geRecords = atLeast("i≥records", B0);
  const geOutput = atLeast("i≥output", layout.outputBase);
  const geBlock2 = atLeast("i≥block2", B0 + layout.blockSize);
  const geInput = atLeast("i≥1", 1);
  const pidBitCount = Math.max(1, Math.ceil(Math.log2(P)));
  return {
    isMask: token("isMask", table((t) => (t.kind === "mask" ? 1 : 0))),
    isBos: token("isBos", table((t) => (t.kind === "bos" ? 1 : 0))),
    isHalt,
    notHalt: token("notHalt", table((t) => (t.kind === "halt" ? 0 : 1))),
    pcOf: token("pcOf", table((t) => (t.kind === "pc" ? t.pc : 0))),
    isReg: token("isReg", table((t) => (t.kind === "reg" ? 1 : 0))),
    regKey: token("regKey", table((t) => (t.kind === "reg" ? t.reg : -1))),
    regKeySq: token("regKey²", table((t) => (t.kind === "reg" ? t.reg * t.reg : 1))),
    isValue: token("isValue", table((t) => (t.kind === "value" ? 1 : 0))),
    value,
    valueSq: token("value²", table((t) => (t.kind === "value" ? t.value * t.value : 0))),
    valueBits: Array.from({ length: wordBits }, (_, m) =>
      token(`value.bit${m}`, table((t) => (t.kind === "value" ? twosComplementBit(t.value, m, wordBits) : 0))),
    ),
    id: token("tokenId", tokens.map((_, id) => id)),
    pos: idx("i", 0, 1, null, 1),
    posSq: idx("i²", 0, 1, null, 2),
    blk: idx("blk", B0, layout.blockSize, null, 1),
    blkSq: idx("blk²", B0, layout.blockSize, null, 2),
    pid: idx("pid", B0, RECORD_SIZE, P, 1),
    pidSq: idx("pid²", B0, RECORD_SIZE, P, 2),
    pidBits: Array.from({ length: pidBitCount }, (_, m) => bit(`pid.bit${m}`, B0, RECORD_SIZE, P, m)),
    // f = (i − B0) mod 3: bit 0 of (f + 1) mod 3 is [f = 0]; bit 0 of f is [f = 1]; bit 1 of f is [f = 2].
    field0: bit("field0", B0 - 1, 1, RECORD_SIZE, 0),
    field1: bit("field1", B0, 1, RECORD_SIZE, 0),
    field2: bit("field2", B0, 1, RECORD_SIZE, 1),
    writePart: bit("writePart", B0, RECORD_SIZE * P, 2, 0),
    inBlock: idx("inBlock", B0, 1, layout.blockSize, 1),
    isInput: assume("isInput", linear("isInput", [[1, geInput], [-1, geRecords]]), 0, 1),
    inRecords: assume("inRecords", linear("inRecords", [[1, geRecords], [-1, geOutput]]), 0, 1),
    isOutput: geOutput,
    firstBlock: assume("firstBlock", linear("firstBlock", [[1, geRecords], [-1, geBlock2]]), 0, 1),
    // Cell i − 1 at an input position i ∈ [1, n], taken mod n: the same there, and bounded by n − 1 (not by
    // the canvas length) everywhere, which keeps the memory head's scores within float64's exact integers.
    inputCell: idx("(i−1) mod n", 1, 1, layout.n, 1),
    inputCellSq: idx("((i−1) mod n)²", 1, 1, layout.n, 2),
    // The cell an output position i shows, outputStart + (i − outputBase), its offset taken mod the output's
    // length for the same reason (the output region is the canvas's end, so nothing wraps there).
    outputOffset: idx("(i−output) mod outputs", layout.outputBase, 1, Math.max(1, layout.length - layout.outputBase), 1),
  };
}

/** A position feature with its exact bounds over positions 0 … S−1. */
export function positionFeatureOver(name: string, spec: PositionFeature, S: number): Feature {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < S; i++) {
    const v = positionValue(spec, i, S);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return position(name, spec, lo, hi);
}


export function twosComplementBit(v: number, m: number, w: number): number {
  const u = ((v % 2 ** w) + 2 ** w) % 2 ** w; // v mod 2^w: a word's two's complement (a jump target may be wider)
  return Math.floor(u / 2 ** m) % 2;
}
