import type { Feature } from "../../efasp/feature.js";
import { all, assume, compare, constant, linear, select } from "../../efasp/local.js";
import { position, token } from "../../efasp/sources.js";
import { positionFeatureOver, twosComplementBit } from "../../mdm/thm1/canvasFeatures.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { ApMdmToken, ApMdmVocabulary } from "./apMdmVocabulary.js";
import type { BufferLayout } from "./bufferLayout.js";

/**
 * The free features of the Theorem 4 canvas: functions of one token (the embedding) and of the position
 * and length (the runtime's position features), plus the few cheap local gadgets that turn them into
 * roles. Position-derived roles are those of the full layout; while the canvas grows they are never used.
 */
export interface BufferFeatures {
  // token features
  readonly isMask: Feature;
  readonly isBos: Feature;
  readonly isHalt: Feature;
  readonly notHalt: Feature;
  /** k for pc·k, else 0. */
  readonly pcOf: Feature;
  /** t for clock·t, else 0. */
  readonly clockOf: Feature;
  /** v for a value token, else 0; its w two's-complement bits. */
  readonly value: Feature;
  readonly valueBits: readonly Feature[];
  readonly id: Feature;
  // position features
  readonly pos: Feature;
  readonly posSq: Feature;
  /** The canvas length N. */
  readonly length: Feature;
  readonly notBos: Feature;
  readonly inA: Feature;
  readonly inB: Feature;
  /** Offset within my buffer (−1 at BOS). */
  readonly offset: Feature;
  readonly isMem: Feature;
  readonly isClock: Feature;
  readonly isPcCell: Feature;
  readonly isRegCell: Feature;
  /** Register index of a register cell (0 elsewhere). */
  readonly reg: Feature;
  /** Processor id of a processor cell (0 elsewhere), and its bits. */
  readonly pid: Feature;
  readonly pidBits: readonly Feature[];
  /** Output cells of buffer A and of buffer B. */
  readonly outA: Feature;
  readonly outB: Feature;
  /** Position ≥ n: the last input token and everything after it. */
  readonly atOrAfterLastInput: Feature;
}

/** [i ≥ a] is bit 0 of floor((i − a + HUGE)/HUGE) for every position 0 ≤ i < S ≤ HUGE. */
const HUGE = 2 ** 30;

export function bufferFeatures(instance: PramInstance, layout: BufferLayout, vocab: ApMdmVocabulary): BufferFeatures {
  const { M, B, S, P, R } = layout;
  const V = vocab.names.length;
  const tokens = Array.from({ length: V }, (_, id) => vocab.read(id));
  const table = (f: (t: ApMdmToken) => number) => tokens.map(f);
  const w = instance.wordBits;
  const idx = (name: string, offset: number, divisor: number, modulus: number | null) =>
    positionFeatureOver(name, { kind: "index", offset, divisor, modulus, power: 1 }, S);
  const bit = (name: string, offset: number, divisor: number, b: number) =>
    positionFeatureOver(name, { kind: "bit", offset, divisor, modulus: null, bit: b }, S);
  const thresholds = new Map<number, Feature>();
  const atLeast = (name: string, a: number): Feature => {
    let f = thresholds.get(a);
    if (!f) thresholds.set(a, (f = bit(name, a - HUGE, HUGE, 0)));
    return f;
  };
  // Σ ± [i ≥ a] over thresholds: an indicator of a union of position intervals.
  const window = (name: string, bounds: readonly [number, number][]) =>
    assume(
      name,
      linear(name, bounds.flatMap(([from, to]) => [[1, atLeast(`i≥${from}`, from)], [-1, atLeast(`i≥${to}`, to)]] as const)),
      0,
      1,
    );
  const pos = idx("i", 0, 1, null);
  const b0 = layout.base(0);
  const b1 = layout.base(1);
  const inB = atLeast("inB", b1);
  const notBos = atLeast("i≥1", 1);
  const inA = assume("inA", linear("inA", [[1, notBos], [-1, inB]]), 0, 1);
  const isProc = window("isProc", [[b0 + M + 1, b1], [b1 + M + 1, S]]);
  const field = select("field", inB, idx("fieldB", b1 + M + 1, 1, R + 1), idx("fieldA", b0 + M + 1, 1, R + 1));
  const fieldIsPc = compare("field=0", "eq", field, constant(0));
  const isPcCell = all("isPcCell", [isProc, fieldIsPc]);
  const isRegCell = assume("isRegCell", linear("isRegCell", [[1, isProc], [-1, isPcCell]]), 0, 1);
  const pidRaw = select("pidRaw", inB, idx("pidB", b1 + M + 1, R + 1, null), idx("pidA", b0 + M + 1, R + 1, null));
  const pidBitCount = Math.max(1, Math.ceil(Math.log2(P)));
  const out = (b: number) => [b + instance.outputStart, b + instance.outputStart + instance.outputLength] as [number, number];
  return {
    isMask: token("isMask", table((t) => (t.kind === "mask" ? 1 : 0))),
    isBos: token("isBos", table((t) => (t.kind === "bos" ? 1 : 0))),
    isHalt: token("isHalt", table((t) => (t.kind === "halt" ? 1 : 0))),
    notHalt: token("notHalt", table((t) => (t.kind === "halt" ? 0 : 1))),
    pcOf: token("pcOf", table((t) => (t.kind === "pc" ? t.pc : 0))),
    clockOf: token("clockOf", table((t) => (t.kind === "clock" ? t.clock : 0))),
    value: token("value", table((t) => (t.kind === "value" ? t.value : 0))),
    valueBits: Array.from({ length: w }, (_, m) =>
      token(`value.bit${m}`, table((t) => (t.kind === "value" ? twosComplementBit(t.value, m, w) : 0))),
    ),
    id: token("tokenId", tokens.map((_, id) => id)),
    pos,
    posSq: positionFeatureOver("i²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, S),
    length: position("N", { kind: "length", power: 1 }, 0, S),
    notBos,
    inA,
    inB,
    offset: linear("offset", [[1, pos], [-B, inB]], -1),
    isMem: window("isMem", [[b0, b0 + M], [b1, b1 + M]]),
    isClock: window("isClock", [[b0 + M, b0 + M + 1], [b1 + M, b1 + M + 1]]),
    isPcCell,
    isRegCell,
    reg: assume("reg", select("reg", isRegCell, linear("field−1", [[1, field]], -1), constant(0)), 0, Math.max(0, R - 1)),
    pid: assume("pid", select("pid", isProc, pidRaw, constant(0)), 0, P - 1),
    pidBits: Array.from({ length: pidBitCount }, (_, m) =>
      all(`pid.bit${m}`, [isProc, select(`pidRaw.bit${m}`, inB, bit(`pidB.bit${m}`, b1 + M + 1, R + 1, m), bit(`pidA.bit${m}`, b0 + M + 1, R + 1, m))]),
    ),
    outA: window("outA", [out(b0)]),
    outB: window("outB", [out(b1)]),
    atOrAfterLastInput: atLeast("i≥n", instance.n),
  };
}
