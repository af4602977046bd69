import { maxOf } from "../minMax.js";
import { Asm, F } from "./asm.js";
import type { HeadLayout, LayerLayout, SparseBlock, Thm2Layout } from "./packModel.js";

// Registers (F = r0 is the comparison flag, see asm.ts).
const I = "r1"; // position
const J = "r2"; // key
const K = "r3"; // active-row index
const ROW = "r4";
const P = "r5";
const E = "r6";
const C = "r7";
const T = "r8";
const XV = "r9";
const A = "r10";
const O = "r11";
const XI = "r12"; // address of the current input row of a product
const YI = "r13"; // address of the current output row
const BEST = "r14";
const CNT = "r15";
const S = "r16";
const Q = "r17";
const NEG = "r18";
const STEPS = "r19";
const DIVS = "r20";
const CHANGED = "r21";
const MASKS = "r22";
const ARG = "r23";
const KEND = "r24";
const U = "r25";
const QI = "r26";
const KJ = "r27";
const AI = "r28";
const STATUS = "r29";
/** r30 on hold the current query's q entries (at most Q_REGISTERS of them; the rest are loaded per key). */
const FIRST_Q = 30;
const Q_REGISTERS = 1024 - FIRST_Q;

/** Status codes in output cell 0. */
export const STATUS_DONE = 0;
export const STATUS_STUCK = 1;
export const STATUS_INEXACT = 2;

/**
 * How the exact tie average S / c is computed: `long`, restoring long division from shifts and subtraction
 * (the base ISA's single processor, Θ(w) steps), or `div`, the ISA's floor DIV and MOD (3 steps).
 */
export type Thm2Division = "long" | "div";

export interface EmittedDecoder {
  /** The instructions, one per line, labels on their own lines. */
  readonly code: string[];
  /** Worst-case steps of the whole run (every pass with every x entry non-zero and every key tied). */
  readonly stepBound: number;
  /** Registers the code uses: the fixed ones and one per q entry held (the widest head's dQK). */
  readonly registers: number;
}

/**
 * The decode as code for one processor (docs/theorem2.md). Words are `wordBits` wide; `passes` is the
 * number of forward passes the decode runs (validation ran it; a pass that does not get stuck unmasks at
 * least one position, so passes ≤ the masks of the initial canvas). The step bound counts every emitted
 * loop at its largest trip count.
 */
export function emitDecoder(layout: Thm2Layout, wordBits: number, passes: number, division: Thm2Division = "long"): EmittedDecoder {
  const asm = new Asm();
  const { N, d, V, mask } = layout;
  const op = (text: string) => asm.op(text);
  const exit = "exit";
  const inexact = "inexact";


  /**
   * y_row += x_row · W over the active rows of W, with XI / YI the addresses of the rows: per active row
   * one load of x (skipped when 0), per stored entry one multiply-add into y.
   */
  const rowTimes = (w: SparseBlock): number => {
    let cost = 0;
    cost += asm.loop(K, 0, 1, w.active, () => {
      const next = asm.label("row");
      const entry = asm.label("entry");
      op(`LOAD ${ROW}, [${K} + ${w.rows}]`);
      op(`ADD ${A}, ${XI}, ${ROW}`);
      op(`LOAD ${XV}, [${A}]`);
      op(`JZ ${XV}, ${next}`);
      op(`LOAD ${P}, [${K} + ${w.starts}]`);
      op(`LOAD ${E}, [${K} + ${w.starts + 1}]`);
      asm.at(entry);
      op(`LOAD ${C}, [${P} + ${w.cols}]`);
      op(`LOAD ${T}, [${P} + ${w.values}]`);
      op(`MUL ${T}, ${XV}, ${T}`);
      op(`ADD ${A}, ${YI}, ${C}`);
      op(`LOAD ${O}, [${A}]`);
      op(`ADD ${O}, ${O}, ${T}`);
      op(`STORE ${O}, [${A}]`);
      op(`ADD ${P}, ${P}, 1`);
      op(`LT ${F}, ${P}, ${E}`);
      op(`JNZ ${F}, ${entry}`);
      asm.at(next);
      return 6; // the entries are counted below, once for all rows
    });
    return cost + 10 * w.entries;
  };

  /** Y[i] += X[i] · W for every position i, rows of X `xStride` apart, of Y `yStride` apart. */
  const timesAll = (w: SparseBlock, x: number, xStride: number, y: number, yStride: number): number => {
    if (w.active === 0) return 0;
    let cost = op(`LI ${YI}, ${y}`);
    cost += asm.loop(XI, x, xStride, N, () => rowTimes(w) + op(`ADD ${YI}, ${YI}, ${yStride}`));
    return cost;
  };

  /**
   * Q ← |S| / CNT exactly, by restoring long division: for b = w − 2 … 0, if ⌊|S| / 2^b⌋ ≥ CNT then
   * |S| −= CNT·2^b and Q += 2^b (CNT·2^b ≤ |S| < 2^(w−1): no overflow). A remainder ≠ 0 stops the run
   * with status INEXACT; the sign of S goes back on Q. At most 6(w − 1) + 8 steps. With `div`: 3 steps.
   */
  const divide = (): number => {
    if (division === "div") {
      // S = CNT·Q exactly iff S mod CNT = 0 (floor MOD, CNT > 0); then floor DIV is the exact quotient.
      op(`MOD ${T}, ${S}, ${CNT}`);
      op(`JNZ ${T}, ${inexact}`);
      op(`DIV ${Q}, ${S}, ${CNT}`);
      return 3;
    }
    const positive = asm.label("positive");
    const done = asm.label("divided");
    op(`LT ${NEG}, ${S}, 0`);
    op(`JZ ${NEG}, ${positive}`);
    op(`SUB ${S}, 0, ${S}`);
    asm.at(positive);
    op(`LI ${Q}, 0`);
    for (let b = wordBits - 2; b >= 0; b--) {
      const skip = asm.label(`bit${b}`);
      op(`SHR ${T}, ${S}, ${b}`);
      op(`LT ${F}, ${T}, ${CNT}`);
      op(`JNZ ${F}, ${skip}`);
      op(`SHL ${T}, ${CNT}, ${b}`);
      op(`SUB ${S}, ${S}, ${T}`);
      op(`ADD ${Q}, ${Q}, ${2 ** b}`);
      asm.at(skip);
    }
    op(`JNZ ${S}, ${inexact}`);
    op(`JZ ${NEG}, ${done}`);
    op(`SUB ${Q}, 0, ${Q}`);
    asm.at(done);
    return 6 * (wordBits - 1) + 8;
  };

  /** The register holding q entry u of the current query, or null when u is past the registers. */
  const qReg = (u: number): string | null => (u < Q_REGISTERS ? `r${FIRST_Q + u}` : null);

  /** `rows` rows of `width` cells from `base` ← 0: per row its stores, unrolled. */
  const zeroRows = (base: number, rows: number, width: number): number => {
    if (width === 0) return 0;
    return asm.loop(A, base, width, rows, () => {
      for (let c = 0; c < width; c++) op(`STORE 0, [${A} + ${c}]`);
      return width;
    });
  };

  /**
   * S ← q_i · k_j, q_i in registers (qReg), k_j at KJ: per term a load, a multiply and an add (the first
   * term multiplies straight into S). 3·dQK − 1 steps (1 when dQK = 0: every score is 0).
   */
  const score = (dQK: number): number => {
    if (dQK === 0) return op(`LI ${S}, 0`);
    let cost = 0;
    for (let u = 0; u < dQK; u++) {
      const reg = qReg(u);
      if (reg === null) cost += op(`LOAD ${T}, [${QI} + ${u}]`);
      cost += op(`LOAD ${O}, [${KJ} + ${u}]`);
      if (u === 0) cost += op(`MUL ${S}, ${reg}, ${O}`);
      else cost += op(`MUL ${O}, ${reg ?? T}, ${O}`) + op(`ADD ${S}, ${S}, ${O}`);
    }
    return cost;
  };

  /**
   * One head: Q ← X·Wq, and per key j the row k_j ‖ v_j ← x_j·Wk ‖ x_j·Wv (width w = dQK + dV). Per query i,
   * one key loop keeps the scores, their maximum, how many keys attain it and the first that does. A
   * unique maximum (hard attention's common case) copies that key's values; a tie sums the values of the
   * tied keys in a second key loop and divides exactly by their count. Then Δ += averages · Wo. A head
   * with dV = 0 has no output and emits nothing.
   */
  const head = (h: HeadLayout): number => {
    const { dQK, dV } = h;
    if (dV === 0) return 0;
    const w = dQK + dV;
    const kv = layout.kv;
    const scoreAt = layout.scores - kv; // the score of the key whose row KJ points at: [KJ + scoreAt]
    let cost = zeroRows(layout.q, N, dQK) + zeroRows(kv, N, w) + zeroRows(layout.avg, N, dV);
    cost += timesAll(h.wq, layout.x, d, layout.q, dQK) + timesAll(h.wk, layout.x, d, kv, w) + timesAll(h.wv, layout.x, d, kv + dQK, w);
    cost += op(`LI ${QI}, ${layout.q}`) + op(`LI ${AI}, ${layout.avg}`);
    cost += asm.loop(I, 0, 1, N, () => {
      let c = layout.causal ? op(`MUL ${KEND}, ${I}, ${w}`) + op(`ADD ${KEND}, ${KEND}, ${kv + w}`) : op(`LI ${KEND}, ${kv + N * w}`);
      for (let u = 0; u < dQK; u++) {
        const reg = qReg(u);
        if (reg !== null) c += op(`LOAD ${reg}, [${QI} + ${u}]`);
      }
      // BEST starts below every score, so key 0 is the first maximum (or ties it, with ARG at its row already).
      c += op(`LI ${BEST}, ${-(2 ** (wordBits - 1))}`) + op(`LI ${CNT}, 0`) + op(`LI ${ARG}, ${kv}`);
      c += keyLoop(w, () => {
        const notBetter = asm.label("notBetter");
        const inner = score(dQK);
        op(`STORE ${S}, [${KJ} + ${scoreAt}]`);
        op(`LT ${F}, ${BEST}, ${S}`);
        op(`JZ ${F}, ${notBetter}`);
        op(`MOV ${BEST}, ${S}`);
        op(`LI ${CNT}, 0`);
        op(`MOV ${ARG}, ${KJ}`);
        asm.at(notBetter);
        op(`EQ ${F}, ${S}, ${BEST}`);
        op(`ADD ${CNT}, ${CNT}, ${F}`);
        return inner + 8;
      });
      const single = asm.label("single");
      const averaged = asm.label("averaged");
      let tied = op(`LT ${F}, ${CNT}, 2`) + op(`JNZ ${F}, ${single}`);
      tied += keyLoop(w, () => {
        const notTied = asm.label("notTied");
        op(`LOAD ${S}, [${KJ} + ${scoreAt}]`);
        op(`EQ ${F}, ${S}, ${BEST}`);
        op(`JZ ${F}, ${notTied}`);
        for (let v = 0; v < dV; v++) {
          op(`LOAD ${T}, [${KJ} + ${dQK + v}]`);
          op(`LOAD ${O}, [${AI} + ${v}]`);
          op(`ADD ${O}, ${O}, ${T}`);
          op(`STORE ${O}, [${AI} + ${v}]`);
        }
        asm.at(notTied);
        return 3 + 4 * dV;
      });
      tied += op(`ADD ${DIVS}, ${DIVS}, ${dV}`);
      tied += asm.loop(C, 0, 1, dV, () => op(`ADD ${P}, ${AI}, ${C}`) + op(`LOAD ${S}, [${P}]`) + divide() + op(`STORE ${Q}, [${P}]`));
      tied += op(`JMP ${averaged}`);
      asm.at(single);
      let one = 2; // LT, JNZ
      for (let v = 0; v < dV; v++) one += op(`LOAD ${T}, [${ARG} + ${dQK + v}]`) + op(`STORE ${T}, [${AI} + ${v}]`);
      asm.at(averaged);
      c += Math.max(tied, one);
      c += op(`ADD ${QI}, ${QI}, ${dQK}`) + op(`ADD ${AI}, ${AI}, ${dV}`);
      return c;
    });
    return cost + timesAll(h.wo, layout.avg, dV, layout.delta, d);
  };

  /** for KJ = kv, kv + w, … while KJ < KEND (KEND > kv: at most N keys): body. */
  const keyLoop = (w: number, body: () => number): number => {
    const top = asm.label("key");
    op(`LI ${KJ}, ${layout.kv}`);
    asm.at(top);
    const inner = body();
    op(`ADD ${KJ}, ${KJ}, ${w}`);
    op(`LT ${F}, ${KJ}, ${KEND}`);
    op(`JNZ ${F}, ${top}`);
    return 1 + N * (inner + 3);
  };

  /**
   * X ← X + Σ_h heads (Δ collects them: every head reads the same X; adding Δ into X zeroes it again, so Δ
   * is zero at every layer's start); then X ← X + ReLU(X·W1 + b1)·W2 + b2.
   */
  const layer = (l: LayerLayout): number => {
    const H = l.mlpHidden;
    let cost = 0;
    if (l.heads.length > 0) {
      for (const h of l.heads) cost += head(h);
      const deltaAt = layout.delta - layout.x;
      cost += asm.loop(XI, layout.x, d, N, () => {
        for (let c = 0; c < d; c++) {
          op(`LOAD ${T}, [${XI} + ${c}]`);
          op(`LOAD ${O}, [${XI} + ${deltaAt + c}]`);
          op(`ADD ${T}, ${T}, ${O}`);
          op(`STORE ${T}, [${XI} + ${c}]`);
          op(`STORE 0, [${XI} + ${deltaAt + c}]`);
        }
        return 5 * d;
      });
    }
    cost += zeroRows(layout.hidden, N, H) + timesAll(l.w1, layout.x, d, layout.hidden, H);
    if (H > 0) {
      cost += asm.loop(A, layout.hidden, H, N, () => {
        for (let u = 0; u < H; u++) {
          op(`LOAD ${T}, [${A} + ${u}]`);
          op(`LOAD ${O}, [${l.b1 + u}]`);
          op(`ADD ${T}, ${T}, ${O}`);
          op(`MAX ${T}, ${T}, 0`);
          op(`STORE ${T}, [${A} + ${u}]`);
        }
        return 5 * H;
      });
    }
    cost += timesAll(l.w2, layout.hidden, H, layout.x, d);
    if (l.b2Entries > 0) {
      cost += asm.loop(XI, layout.x, d, N, () =>
        asm.loop(K, 0, 1, l.b2Entries, () => op(`LOAD ${C}, [${K} + ${l.b2Cols}]`) + op(`LOAD ${T}, [${K} + ${l.b2Values}]`) + op(`ADD ${A}, ${XI}, ${C}`) + op(`LOAD ${O}, [${A}]`) + op(`ADD ${O}, ${O}, ${T}`) + op(`STORE ${O}, [${A}]`)),
      );
    }
    return cost;
  };

  /** X[i] ← E[canvas[i]] (a row copy, unrolled) + Σ_f Φ[i, f]·Pos[f]. */
  const embed = (): number => {
    let cost = op(`LI ${XI}, ${layout.x}`);
    cost += asm.loop(I, 0, 1, N, () => {
      let c = op(`LOAD ${T}, [${I} + ${layout.canvas}]`) + op(`MUL ${A}, ${T}, ${d}`);
      for (let e = 0; e < d; e++) c += op(`LOAD ${O}, [${A} + ${layout.embedding + e}]`) + op(`STORE ${O}, [${XI} + ${e}]`);
      return c + op(`ADD ${XI}, ${XI}, ${d}`);
    });
    return cost + timesAll(layout.position, layout.phi, layout.F, layout.x, d);
  };

  /**
   * At every masked position: logits x_i·Wtok + btok, the argmax (a later token must be strictly larger:
   * the lowest id wins a tie), and the MDM rule: a prediction other than MASK is written to the canvas.
   * Writing at once is sound: the pass read the canvas only in the embedding.
   */
  const unmask = (): number => {
    let cost = op(`LI ${CHANGED}, 0`) + op(`LI ${XI}, ${layout.x}`);
    cost += asm.loop(I, 0, 1, N, () => {
      const next = asm.label("position");
      let c = op(`LOAD ${T}, [${I} + ${layout.canvas}]`) + op(`NE ${F}, ${T}, ${mask}`) + op(`JNZ ${F}, ${next}`);
      c += zeroRows(layout.logits, 1, V) + op(`LI ${YI}, ${layout.logits}`) + rowTimes(layout.tokenHead);
      c += op(`LOAD ${BEST}, [${layout.logits}]`) + op(`LOAD ${O}, [${layout.tokenBias}]`) + op(`ADD ${BEST}, ${BEST}, ${O}`) + op(`LI ${ARG}, 0`);
      c += asm.loop(U, 1, 1, V - 1, () => {
        const notBetter = asm.label("notBetter");
        op(`LOAD ${S}, [${U} + ${layout.logits}]`);
        op(`LOAD ${O}, [${U} + ${layout.tokenBias}]`);
        op(`ADD ${S}, ${S}, ${O}`);
        op(`LT ${F}, ${BEST}, ${S}`);
        op(`JZ ${F}, ${notBetter}`);
        op(`MOV ${BEST}, ${S}`);
        op(`MOV ${ARG}, ${U}`);
        asm.at(notBetter);
        return 7;
      });
      c += op(`EQ ${F}, ${ARG}, ${mask}`) + op(`JNZ ${F}, ${next}`) + op(`STORE ${ARG}, [${I} + ${layout.canvas}]`) + op(`ADD ${CHANGED}, ${CHANGED}, 1`);
      asm.at(next);
      return c + op(`ADD ${XI}, ${XI}, ${d}`);
    });
    return cost;
  };

  let setup = op(`LI ${STEPS}, 0`) + op(`LI ${DIVS}, 0`);
  asm.at("decode");
  let pass = op(`LI ${MASKS}, 0`);
  const countMasks = asm.loop(I, 0, 1, N, () => op(`LOAD ${T}, [${I} + ${layout.canvas}]`) + op(`EQ ${F}, ${T}, ${mask}`) + op(`ADD ${MASKS}, ${MASKS}, ${F}`));
  pass += countMasks + op(`LI ${STATUS}, ${STATUS_DONE}`) + op(`JZ ${MASKS}, ${exit}`) + op(`ADD ${STEPS}, ${STEPS}, 1`);
  asm.comment("one forward pass: embedding, layers, token head and unmasking");
  pass += embed();
  layout.layers.forEach((l, li) => {
    asm.comment(`layer ${li}`);
    pass += layer(l);
  });
  pass += unmask();
  pass += op(`LI ${STATUS}, ${STATUS_STUCK}`) + op(`JZ ${CHANGED}, ${exit}`) + op(`JMP decode`);
  asm.at(inexact);
  op(`LI ${STATUS}, ${STATUS_INEXACT}`);
  asm.at(exit);
  let finish = op(`STORE ${STATUS}, [${layout.output}]`) + op(`STORE ${STEPS}, [${layout.output + 1}]`) + op(`STORE ${DIVS}, [${layout.output + 2}]`);
  finish += asm.loop(I, 0, 1, N, () => op(`LOAD ${T}, [${I} + ${layout.canvas}]`) + op(`STORE ${T}, [${I} + ${layout.output + 3}]`));
  finish += op("HALT");
  // `passes` full passes, then (unless the last was stuck) the check that finds no mask, and the exit.
  setup += passes * pass + (1 + countMasks + 3) + 1 + finish;
  const heads = layout.layers.flatMap((l) => l.heads);
  const registers = FIRST_Q + Math.min(Q_REGISTERS, maxOf(heads.map((h) => h.dQK), 0));
  return { code: asm.lines, stepBound: setup, registers };
}
