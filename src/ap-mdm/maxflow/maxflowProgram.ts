import { attend, bonus, lin, matchTerms } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, lookup, not, offset, select } from "../../efasp/local.js";
import { position, token } from "../../efasp/sources.js";
import { type MaxflowVocabulary, maxflowVocabulary } from "./maxflowVocabulary.js";

export interface MaxflowConstruction {
  readonly vocab: MaxflowVocabulary;
  readonly program: EfaspProgram;
  /** The longest canvas the declared position bounds admit. */
  readonly maxContext: number;
}

/**
 * Edmonds–Karp as an AP-MDM on unit-capacity directed graphs of at most `maxNodes` nodes and `maxEdges`
 * edges. The canvas is the header `s t`, the tally (one `+` per augmenting path), the edge records
 * `u v f [^p]` (f the flow slot; ^p the BFS tree mark of the node the edge reaches, p its parent) and `$`.
 * Every step reads the phase off the canvas (docs/maxflow.md proves each rule):
 *
 *  BFS-INSERT  no mask, t unreached, an arc leaves the reached set   the first edge (lowest position) to offer
 *                                                                    each unreached node w inserts a mask after f
 *  BFS-UNMASK  masks after flow slots                                 each unmasks to its parent ^p: one BFS layer
 *  START       no mask, t reached                                     the tree edge reaching t remasks f
 *  TRACE       a masked flow slot (the cursor) with mark ^p           it unmasks flipped; the tree edge reaching p
 *                                                                    remasks its f: one hop of the path per step
 *  CLEAR-1     no mask, a flipped tree edge (the path is done)        every mark remasks; the tally inserts a mask
 *  CLEAR-2     a tally mask                                           it unmasks to +; the masked marks delete
 *  FINAL-1     no mask, t unreached, no arc leaves the reached set    cut edges (u reached, v not) and marks
 *                                                                    remask; $ inserts the answer's mask
 *  FINAL-2     a mask after $                                         it unmasks to =k (k = the tally's length);
 *                                                                    every other mask deletes
 *  DONE        =k present                                             nothing changes: the fixed point
 *
 * A node is reached when it is s or a tree mark reaches it. Reached is looked up by one head per query
 * (the nearest key value, ties to the lower, then compared), the first offer by one head (the nearest
 * offered node, ties to the lower position), neighbours by exact position match.
 */
export function maxflowProgram(maxNodes: number, maxEdges: number): MaxflowConstruction {
  const vocab = maxflowVocabulary(maxNodes);
  const K = maxNodes;
  const V = vocab.names.length;
  const maxContext = 3 + 3 * maxEdges + 2 * K;
  const table = (f: (t: number) => number): number[] => Array.from({ length: V }, (_, t) => f(t));
  const inFamily = (first: number, count: number) => (t: number) => t >= first && t < first + count;
  const nodeOfFamily = (first: number) => (t: number) => (inFamily(first, K)(t) ? t - first : 0);

  // ── Token and position features ──────────────────────────────────────────────────────────────────
  const isMask = token("isMask", table((t) => Number(t === vocab.mask)));
  const isEnd = token("is$", table((t) => Number(t === vocab.end)));
  const isPlus = token("is+", table((t) => Number(t === vocab.plus)));
  const isBit = token("isBit", table((t) => Number(t === vocab.bit(0) || t === vocab.bit(1))));
  const bitOf = token("bit", table((t) => Number(t === vocab.bit(1))));
  const isNode = token("isNode", table((t) => Number(inFamily(vocab.node(0), K)(t))));
  const nodeOf = token("node", table(nodeOfFamily(vocab.node(0))));
  const isSource = token("isSource", table((t) => Number(inFamily(vocab.source(0), K)(t))));
  const sourceOf = token("source", table(nodeOfFamily(vocab.source(0))));
  const isTarget = token("isTarget", table((t) => Number(inFamily(vocab.target(0), K)(t))));
  const targetOf = token("target", table(nodeOfFamily(vocab.target(0))));
  const isMark = token("isMark", table((t) => Number(inFamily(vocab.parent(0), K)(t))));
  const parentOf = token("parent", table(nodeOfFamily(vocab.parent(0))));
  const isAnswer = token("isAnswer", table((t) => Number(inFamily(vocab.answer(0), K + 1)(t))));
  // The tally's tokens: t (the tally's start) and +.
  const isTally = token("isTally", table((t) => Number(t === vocab.plus || inFamily(vocab.target(0), K)(t))));
  const pos = position("pos", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }, 0, maxContext - 1);
  const posSq = position("pos²", { kind: "index", offset: 0, divisor: 1, modulus: null, power: 2 }, 0, (maxContext - 1) ** 2);

  // ── Neighbours, header (attention) ───────────────────────────────────────────────────────────────
  // The key at pos + delta: −(pos + delta − pos_j)², a unique winner (the nearest key when off the canvas).
  const at = (delta: number, values: Feature[]) => attend(`@${delta}`, matchTerms(1, lin([1, pos], delta), pos, posSq), values);
  const [prevIsNode, prevNode, prevIsBit, prevBit, prevIsTally, prevIsEnd, prevIsMask] = at(-1, [isNode, nodeOf, isBit, bitOf, isTally, isEnd, isMask]);
  const [node2] = at(-2, [nodeOf]);
  const [node3] = at(-3, [nodeOf]);
  const [nextIsNode, nextNode, nextIsMark, nextParent, nextIsPlus] = at(+1, [isNode, nodeOf, isMark, parentOf, isPlus]);
  // "Is there a key with bit b?": score b; the winners all have b = 1 if any key has, so the mean is exact.
  const exists = (name: string, bit: Feature) => attend(name, [bonus(1, bit)], [bit])[0];
  // The one source and the one target token: score isSource (isTarget), a unique winner.
  const [s] = attend("s", [bonus(1, isSource)], [sourceOf]);
  const [t] = attend("t", [bonus(1, isTarget)], [targetOf]);

  // ── Slots and the record each position belongs to ────────────────────────────────────────────────
  const isU = all("isU", [isNode, nextIsNode]);
  const isV = all("isV", [isNode, prevIsNode]);
  const isF = any("isF", [isBit, all("masked f", [isMask, prevIsNode])]);
  const markMask = all("mark mask", [isMask, prevIsBit]);
  const tallyMask = all("tally mask", [isMask, prevIsTally]);
  const answerMask = all("answer mask", [isMask, prevIsEnd]);
  // u and v of my record (garbage, but in range, outside records): slots are exclusive.
  const U = select("U", isU, nodeOf, select("U:v", isV, prevNode, select("U:f", isF, node2, node3)));
  const V2 = select("V", isU, nextNode, select("V:v", isV, nodeOf, select("V:f", isF, prevNode, node2)));
  // My record's mark parent and flow bit, at f (mark at +1) and at the mark (f at −1).
  const P = select("P", isF, nextParent, parentOf);
  const F = select("F", isF, bitOf, prevBit);
  const hasMark = select("hasMark", isF, nextIsMark, isMark);
  const forward = compare("P=u", "eq", P, U);
  // A tree edge reaches v when its parent is u (a forward arc, f was 0), else u (a backward arc, f was 1).
  const reach = select("reach", forward, V2, U);
  const unflipped = compare("f=orig", "ne", F, forward);

  // ── Reached: s, or a node some tree mark reaches ─────────────────────────────────────────────────
  const SENT = -K;
  const squares = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => (lo + i) ** 2);
  const keyed = (name: string, valid: Feature, value: Feature) => {
    const k = select(name, valid, value, constant(SENT));
    return [k, lookup(`${name}²`, k, squares(SENT, K - 1), SENT)] as const;
  };
  const [R, RSq] = keyed("R", isMark, reach);
  // −C(x − R_j)² − R_j with C = 2K + 1: the nearest R wins, ties to the lower, so all winners share one R.
  const nearestR = (x: Feature) => attend(`reached ${x.name}`, [...matchTerms(2 * K + 1, lin([1, x]), R, RSq), bonus(-1, R)], [R])[0];
  const reached = (x: Feature) => any(`reached(${x.name})`, [compare(`${x.name}=s`, "eq", x, s), compare(`R=${x.name}`, "eq", nearestR(x), x)]);
  const reachedU = reached(U);
  const reachedV = reached(V2);
  const notReachedU = not("¬reached(U)", reachedU);
  const notReachedV = not("¬reached(V)", reachedV);

  // ── Global state of the canvas ───────────────────────────────────────────────────────────────────
  const hasAnswer = exists("has =k", isAnswer);
  const hasMask = exists("has M", isMask);
  const hasAnswerMask = exists("has answer M", answerMask);
  const hasTallyMask = exists("has tally M", tallyMask);
  const cursor = all("cursor", [isMask, isF, nextIsMark]);
  const hasCursor = exists("has cursor", cursor);
  const treeMark = all("tree mark", [isMark, not("f not masked", prevIsMask)]);
  const hasFlipped = exists("has flipped", all("flipped", [treeMark, not("flipped", unflipped)]));
  const tReached = exists("t reached", all("reaches t", [isMark, compare("reach=t", "eq", reach, t)]));
  // The cursor's parent (SENT when there is no cursor: then every key ties with the same value).
  const [cursorParent] = attend("cursor parent", [bonus(1, cursor)], [select("cursor P", cursor, nextParent, constant(SENT))]);

  // ── BFS offers: an unmarked, unmasked flow slot whose arc leaves the reached set ─────────────────
  const offersV = all("offers v", [isBit, not("f=0", bitOf), reachedU, notReachedV]);
  const offersU = all("offers u", [isBit, bitOf, reachedV, notReachedU]);
  const offers = any("offers", [offersV, offersU]);
  const [W, WSq] = keyed("W", offers, select("offered", offersV, V2, U));
  // −C(w − W_j)² − pos_j with C = maxContext: the same node first, then the lowest position (unique).
  const [firstOffer] = attend("first offer", [...matchTerms(maxContext, lin([1, W]), W, WSq), bonus(-1, pos)], [pos]);
  const isFirst = all("first offer", [offers, compare("mine", "eq", firstOffer, pos)]);
  const hasOffer = exists("has offer", offers);

  // ── Phases ───────────────────────────────────────────────────────────────────────────────────────
  const working = not("¬done", hasAnswer);
  const idle = all("idle", [working, not("no mask", hasMask)]);
  const searching = all("searching", [idle, not("¬flipped", hasFlipped), not("¬t reached", tReached)]);
  const START = all("START", [idle, not("START:¬flipped", hasFlipped), tReached]);
  const TRACE = all("TRACE", [working, hasCursor, not("TRACE:¬final", hasAnswerMask)]);
  const CLEAR1 = all("CLEAR-1", [idle, hasFlipped]);
  const CLEAR2 = all("CLEAR-2", [working, hasTallyMask, not("CLEAR-2:¬final", hasAnswerMask)]);
  const BFS = all("BFS-INSERT", [searching, hasOffer]);
  const FINAL1 = all("FINAL-1", [searching, not("no offer", hasOffer)]);
  const FINAL2 = all("FINAL-2", [working, hasAnswerMask]);

  // ── Predictions (what a mask becomes) ────────────────────────────────────────────────────────────
  // The first position after the header and tally is 2 + (the tally's length): the lowest position whose
  // token is not s, t or + (score −pos_j − maxContext·[header or tally], a unique winner; $ always qualifies).
  const [firstRecord] = attend("after tally", [bonus(-1, pos), bonus(-maxContext, any("header", [isSource, isTally]))], [pos]);
  // The tally never passes K − 1 paths (a unit-capacity flow leaves s on distinct edges to distinct nodes).
  const answerToken = offset("=k", assume("2 + k", firstRecord, 2, K + 1), vocab.answer(0) - 2);
  const flippedBit = select("new f", forward, constant(vocab.bit(1)), constant(vocab.bit(0)));
  const parentToken = offset("^p", select("parent", prevBit, node2, node3), vocab.parent(0));
  const predict = select("→+", tallyMask, constant(vocab.plus), select("→=k", answerMask, answerToken, select("→f", cursor, flippedBit, select("→^p", markMask, parentToken, constant(vocab.mask)))));

  // ── Control ──────────────────────────────────────────────────────────────────────────────────────
  const treeSlot = all("tree f", [isBit, hasMark, unflipped]);
  const cut = all("cut", [reachedU, notReachedV, any("edge token", [isU, isV, isBit])]);
  const remask = any("remask", [
    all("START:f", [START, treeSlot, compare("reach=t", "eq", reach, t)]),
    all("TRACE:f", [TRACE, treeSlot, compare("reach=cursor", "eq", reach, cursorParent)]),
    all("clear marks", [any("CLEAR-1|FINAL-1", [CLEAR1, FINAL1]), isMark]),
    all("FINAL-1:cut", [FINAL1, cut]),
  ]);
  const insert = any("insert", [
    all("BFS:offer", [BFS, isFirst]),
    all("CLEAR-1:tally", [CLEAR1, isTally, not("tally end", nextIsPlus)]),
    all("FINAL-1:$", [FINAL1, isEnd]),
  ]);
  const del = any("delete", [
    all("CLEAR-2:marks", [CLEAR2, markMask]),
    all("FINAL-2:rest", [FINAL2, isMask, not("¬answer", answerMask)]),
  ]);

  const program: EfaspProgram = {
    name: `Edmonds–Karp max-flow, ≤ ${K} nodes, ≤ ${maxEdges} edges`,
    vocab: vocab.names,
    maskToken: vocab.mask,
    output: { kind: "code", feature: predict },
    control: [remask, insert, del],
    causal: false,
  };
  return { vocab, program, maxContext };
}
