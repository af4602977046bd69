import { attend, bonus, lin, matchTerms, term } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import { EfaspError } from "../../efasp/EfaspError.js";
import type { Feature, PositionFeatureNode, TokenFeature } from "../../efasp/feature.js";
import { all, assume, compare, constant, linear, select } from "../../efasp/local.js";
import { rewrite } from "../../efasp/rewrite.js";
import { position, token } from "../../efasp/sources.js";
import { topoOrder } from "../../efasp/topoOrder.js";
import type { PositionFeature } from "../../transformer/positionFeature.js";
import { positionValue } from "../../transformer/positionValue.js";
import { scoreSpread } from "./scoreSpread.js";
import { minOf, maxOf } from "../../minMax.js";

/** Which ready position an any-order one-token-per-step decode unmasks: the one of highest priority. */
export type UnmaskOrder = "left-to-right" | "right-to-left" | "bit-reversed";

/** The Masked-ARM of Theorem 3 for an MDM program over canvases of length S. */
export interface MaskedArm {
  readonly program: EfaspProgram;
  /** The Masked-ARM's initial sequence for an MDM canvas: masks read BLANK, then 2 log slots per mask. */
  readonly initial: (canvas: Int32Array) => Int32Array;
  /** The MDM canvas a finished log describes (the log applied to the initial canvas). */
  readonly replay: (sequence: Int32Array) => Int32Array;
  /** Priority of canvas position q (the any-order decode it reproduces unmasks the highest ready one). */
  readonly priority: (q: number) => number;
}

/**
 * Theorem 3, constructively. The Masked-ARM writes, left to right, a log of (position, token) pairs after
 * a copy of the MDM canvas in which masks read BLANK: pair k says which position the any-order MDM
 * unmasks at its step k (the ready masked position of highest priority) and with what token.
 *
 * In front of the MDM's layers:
 *  1. each log slot copies the position token before it; each canvas position q finds the log entry for q,
 *     score (S'+1)·[−(pos_j − q)² + Cv·(log_j + valueSlot_j + plainToken_j)] + j, injective so one winner;
 *     the MDM's token features at q become the logged token's, else the canvas token's (BLANK reads as
 *     MASK). At log slots every leaf reads as at position 0, so every feature stays within its bounds;
 *  2. every MDM head gets −BIG·[j is a log slot] with BIG > its whole score spread: the MDM layers see
 *     exactly the virtual canvas;
 * and after them a position slot picks the ready masked position of highest priority (one head) and a
 * value slot reads the MDM's prediction there (one exact-match head). Context S + 2·masks = O(S); each
 * MDM step becomes two Masked-ARM steps; the extra depth is a constant.
 */
export function toMaskedArm(mdm: EfaspProgram, S: number, order: UnmaskOrder, anchorToken: number): MaskedArm {
  if (mdm.output.kind !== "code") throw new EfaspError(`${mdm.name}: Theorem 3 needs a code output`);
  if (mdm.causal) throw new EfaspError(`${mdm.name}: Theorem 3 starts from an encoder-only MDM`);
  const V = mdm.vocab.length;
  const M = mdm.maskToken;
  const BLANK = V;
  const vocab = [...mdm.vocab, "BLANK", ...Array.from({ length: S }, (_, q) => `@${q}`)];
  const maxLength = 3 * S;
  const over = (name: string, spec: PositionFeature) => {
    const values = Array.from({ length: maxLength }, (_, i) => positionValue(spec, i, maxLength));
    return position(name, spec, minOf(values), maxOf(values));
  };
  const HUGE = 2 ** 30;
  const i = over("i", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 });
  const iSq = over("i²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 });
  const isLog = over("isLog", { kind: "bit", offset: S - HUGE, divisor: HUGE, modulus: null, bit: 0 });
  const isValueSlot = over("valueSlot", { kind: "bit", offset: S, divisor: 1, modulus: null, bit: 0 });
  const perToken = (name: string, plain: (t: number) => number, blank: number, pos: (q: number) => number) =>
    token(name, [...Array.from({ length: V }, (_, t) => plain(t)), blank, ...Array.from({ length: S }, (_, q) => pos(q))]);
  const loggedPos = perToken("loggedPos", () => -1, -1, (q) => q);
  const loggedPosSq = perToken("loggedPos²", () => 1, 1, (q) => q * q);
  const isPlain = perToken("isPlainToken", (t) => (t === M ? 0 : 1), 0, () => 0);
  const isBlank = perToken("isBlank", () => 0, 1, () => 0);
  const id = token("tokenId", vocab.map((_, t) => t));
  const notLog = linear("¬isLog", [[-1, isLog]], 1);

  // 1. The virtual canvas.
  const [slotPos, slotPosSq] = attend("log.prev", matchTerms(1, lin([1, i], -1), i, iSq), [loggedPos, loggedPosSq]);
  const leaves = topoOrder(mdm);
  const mdmTokens = leaves.filter((f): f is TokenFeature => f.kind === "token");
  const own = mdmTokens.map((f) => perToken(`${f.name}@canvas`, (t) => f.table[t], f.table[M], () => 0));
  const scale = maxLength + 1;
  const Cv = 2 * maxLength * maxLength + 1;
  const [wPos, wLog, wSlot, wPlain, ...fetched] = attend(
    "log.lookup",
    [
      ...matchTerms(scale, lin([1, i]), slotPos, slotPosSq),
      bonus(Cv * scale, isLog),
      bonus(Cv * scale, isValueSlot),
      bonus(Cv * scale, isPlain),
      bonus(1, i),
    ],
    [slotPos, isLog, isValueSlot, isPlain, ...own],
  );
  // Found iff the winner is a value slot holding a plain token, logged for q: its code equals q exactly
  // (a missing condition takes 3S off a code below S, so it cannot reach q ≥ 0).
  const found = compare("logged", "eq", linear("log.code", [[1, wPos], [3 * S, wLog], [3 * S, wSlot], [3 * S, wPlain]], -9 * S), i);
  const virtualToken = new Map<number, Feature>();
  mdmTokens.forEach((f, k) => {
    const base = select(`${f.name}@base`, isLog, constant(f.table[anchorToken]), own[k]);
    virtualToken.set(f.id, assume(`${f.name}@virtual`, select(`${f.name}@virtual`, found, fetched[k], base), f.lo, f.hi));
  });
  const virtualPosition = (f: PositionFeatureNode): Feature => {
    const wide = over(`${f.name}@wide`, f.spec);
    return assume(`${f.name}@virtual`, select(`${f.name}@virtual`, isLog, constant(positionValue(f.spec, 0, S)), wide), f.lo, f.hi);
  };

  // 2. The MDM's layers over the virtual canvas.
  const { program: inner } = rewrite(mdm, {
    token: (f) => virtualToken.get(f.id)!,
    position: virtualPosition,
    extraScore: (_, terms) => [term(lin(-(2 * scoreSpread(terms) + 1)), lin([1, isLog]))],
  });
  if (inner.output.kind !== "code") throw new EfaspError(`${mdm.name}: rewrite lost the code output`);
  const mdmCode = inner.output.feature;

  // 3. The log slots.
  const virtualMask = all("virtualMask", [isBlank, linear("¬logged", [[-1, found]], 1)]);
  const ready = all("ready", [virtualMask, compare("predictsToken", "ne", mdmCode, constant(M))]);
  const bits = Math.max(1, Math.ceil(Math.log2(S)));
  const priority = priorityFeature(order, i, bits);
  const Cr = 2 * (maxLength + 2 ** bits) + 1;
  const [chosen] = attend("log.choose", [bonus(Cr, ready), bonus(-2 * Cr, isLog), bonus(1, priority)], [i]);
  const [predicted] = attend("log.read", matchTerms(1, lin([1, slotPos]), i, iSq), [mdmCode]);
  const code = assume(
    "token",
    linear("token", [
      [1, select("keep", notLog, id, constant(0))],
      [1, select("emitPosition", all("isPositionSlot", [isLog, linear("¬valueSlot", [[-1, isValueSlot]], 1)]), linear("@chosen", [[1, chosen]], V + 1), constant(0))],
      [1, select("emitValue", all("isValueSlot", [isLog, isValueSlot]), predicted, constant(0))],
    ]),
    0,
    vocab.length - 1,
  );
  return {
    program: { name: `${mdm.name} as Masked-ARM (${order})`, vocab, maskToken: M, output: { kind: "code", feature: code }, control: null, causal: false },
    initial: (canvas) => {
      const masks = canvas.reduce((s, t) => s + (t === M ? 1 : 0), 0);
      const seq = new Int32Array(S + 2 * masks).fill(M);
      canvas.forEach((t, q) => (seq[q] = t === M ? BLANK : t));
      return seq;
    },
    replay: (seq) => {
      const canvas = Int32Array.from(seq.subarray(0, S), (t) => (t === BLANK ? M : t));
      for (let k = S; k + 1 < seq.length; k += 2) canvas[seq[k] - V - 1] = seq[k + 1];
      return canvas;
    },
    priority: (q) => priorityValue(order, q, bits),
  };
}

function priorityValue(order: UnmaskOrder, q: number, bits: number): number {
  if (order === "left-to-right") return -q;
  if (order === "right-to-left") return q;
  let r = 0;
  for (let b = 0; b < bits; b++) r += (Math.floor(q / 2 ** b) % 2) * 2 ** (bits - 1 - b);
  return r;
}

function priorityFeature(order: UnmaskOrder, i: Feature, bits: number): Feature {
  if (order === "left-to-right") return linear("priority", [[-1, i]]);
  if (order === "right-to-left") return i;
  const terms = Array.from({ length: bits }, (_, b) => {
    const spec: PositionFeature = { kind: "bit", offset: 0, divisor: 1, modulus: null, bit: b };
    return [2 ** (bits - 1 - b), position(`i.bit${b}`, spec, 0, 1)] as const;
  });
  return linear("priority", terms);
}
