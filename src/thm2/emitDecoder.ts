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
const VJ = "r30";
export const THM2_REGISTERS = 31;

/** Status codes in output cell 0. */
export const STATUS_DONE = 0;
export const STATUS_STUCK = 1;
export const STATUS_INEXACT = 2;

export interface EmittedDecoder {
  /** The instructions, one per line, labels on their own lines. */
  readonly code: string[];
  /** Worst-case steps of the whole run (every pass with every x entry non-zero and every key tied). */
  readonly stepBound: number;
}

/**
 * The decode as code for one processor (docs/theorem2.md). Words are `wordBits` wide; `passes` is the
 * number of forward passes the decode runs (validation ran it; a pass that does not get stuck unmasks at
 * least one position, so passes ≤ the masks of the initial canvas). The step bound counts every emitted
 * loop at its largest trip count.
 */
export function emitDecoder(layout: Thm2Layout, wordBits: number, passes: number): EmittedDecoder {
  const asm = new Asm();
  const { N, d, V, mask } = layout;
  const op = (text: string) => asm.op(text);
  const exit = "exit";
  const inexact = "inexact";

  /** mem[base .. base + len) ← 0. */
  const zero = (base: number, len: number): number => asm.loop(A, base, 1, len, () => op(`STORE 0, [${A}]`));

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
   * with status INEXACT; the sign of S goes back on Q. At most 6(w − 1) + 8 steps.
   */
  const divide = (): number => {
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

  /**
   * One head: Q, K, V ← X·Wq, X·Wk, X·Wv; per query i the scores against its keys (kept in `scores`) and
   * their maximum; the sum of the values of the keys that attain it and their count; the exact quotient
   * when more than one tie; then Δ += averages · Wo.
   */
  const head = (h: HeadLayout): number => {
    const { dQK, dV } = h;
    let cost = zero(layout.q, N * dQK) + zero(layout.k, N * dQK) + zero(layout.v, N * dV) + zero(layout.avg, N * dV);
    cost += timesAll(h.wq, layout.x, d, layout.q, dQK) + timesAll(h.wk, layout.x, d, layout.k, dQK) + timesAll(h.wv, layout.x, d, layout.v, dV);
    cost += op(`LI ${QI}, ${layout.q}`) + op(`LI ${AI}, ${layout.avg}`);
    cost += asm.loop(I, 0, 1, N, () => {
      let c = layout.causal ? op(`ADD ${KEND}, ${I}, 1`) : op(`LI ${KEND}, ${N}`);
      c += op(`LI ${BEST}, ${-(2 ** (wordBits - 1))}`) + op(`LI ${KJ}, ${layout.k}`);
      c += keyLoop(() => {
        const notBetter = asm.label("notBetter");
        op(`LI ${S}, 0`);
        for (let u = 0; u < dQK; u++) {
          op(`LOAD ${T}, [${QI} + ${u}]`);
          op(`LOAD ${O}, [${KJ} + ${u}]`);
          op(`MUL ${T}, ${T}, ${O}`);
          op(`ADD ${S}, ${S}, ${T}`);
        }
        op(`STORE ${S}, [${J} + ${layout.scores}]`);
        op(`LT ${F}, ${BEST}, ${S}`);
        op(`JZ ${F}, ${notBetter}`);
        op(`MOV ${BEST}, ${S}`);
        asm.at(notBetter);
        op(`ADD ${KJ}, ${KJ}, ${dQK}`);
        return 7 + 4 * dQK;
      });
      c += op(`LI ${CNT}, 0`) + op(`LI ${VJ}, ${layout.v}`);
      c += keyLoop(() => {
        const notTied = asm.label("notTied");
        op(`LOAD ${S}, [${J} + ${layout.scores}]`);
        op(`EQ ${F}, ${S}, ${BEST}`);
        op(`JZ ${F}, ${notTied}`);
        op(`ADD ${CNT}, ${CNT}, 1`);
        for (let v = 0; v < dV; v++) {
          op(`LOAD ${T}, [${VJ} + ${v}]`);
          op(`LOAD ${O}, [${AI} + ${v}]`);
          op(`ADD ${O}, ${O}, ${T}`);
          op(`STORE ${O}, [${AI} + ${v}]`);
        }
        asm.at(notTied);
        op(`ADD ${VJ}, ${VJ}, ${dV}`);
        return 5 + 4 * dV;
      });
      if (dV > 0) {
        const single = asm.label("single");
        c += op(`LT ${F}, ${CNT}, 2`) + op(`JNZ ${F}, ${single}`) + op(`ADD ${DIVS}, ${DIVS}, ${dV}`);
        c += asm.loop(C, 0, 1, dV, () => op(`ADD ${P}, ${AI}, ${C}`) + op(`LOAD ${S}, [${P}]`) + divide() + op(`STORE ${Q}, [${P}]`));
        asm.at(single);
      }
      c += op(`ADD ${QI}, ${QI}, ${dQK}`) + op(`ADD ${AI}, ${AI}, ${dV}`);
      return c;
    });
    return cost + timesAll(h.wo, layout.avg, dV, layout.delta, d);
  };

  /** for J = 0 … KEND − 1 (KEND ≥ 1: N, or i + 1 when causal): body; at most N iterations. */
  const keyLoop = (body: () => number): number => {
    const top = asm.label("key");
    op(`LI ${J}, 0`);
    asm.at(top);
    const inner = body();
    op(`ADD ${J}, ${J}, 1`);
    op(`LT ${F}, ${J}, ${KEND}`);
    op(`JNZ ${F}, ${top}`);
    return 1 + N * (inner + 3);
  };

  /** X ← X + Σ_h heads (Δ collects them: every head reads the same X); then X ← X + ReLU(X·W1 + b1)·W2 + b2. */
  const layer = (l: LayerLayout): number => {
    const H = l.mlpHidden;
    let cost = 0;
    if (l.heads.length > 0) {
      cost += zero(layout.delta, N * d);
      for (const h of l.heads) cost += head(h);
      cost += asm.loop(E, 0, 1, N * d, () => op(`LOAD ${T}, [${E} + ${layout.x}]`) + op(`LOAD ${O}, [${E} + ${layout.delta}]`) + op(`ADD ${T}, ${T}, ${O}`) + op(`STORE ${T}, [${E} + ${layout.x}]`));
    }
    cost += zero(layout.hidden, N * H) + timesAll(l.w1, layout.x, d, layout.hidden, H);
    cost += op(`LI ${A}, ${layout.hidden}`);
    cost += asm.loop(I, 0, 1, N, () =>
      asm.loop(U, 0, 1, H, () => op(`LOAD ${T}, [${A}]`) + op(`LOAD ${O}, [${U} + ${l.b1}]`) + op(`ADD ${T}, ${T}, ${O}`) + op(`MAX ${T}, ${T}, 0`) + op(`STORE ${T}, [${A}]`) + op(`ADD ${A}, ${A}, 1`)),
    );
    cost += timesAll(l.w2, layout.hidden, H, layout.x, d);
    if (l.b2Entries > 0) {
      cost += asm.loop(XI, layout.x, d, N, () =>
        asm.loop(K, 0, 1, l.b2Entries, () => op(`LOAD ${C}, [${K} + ${l.b2Cols}]`) + op(`LOAD ${T}, [${K} + ${l.b2Values}]`) + op(`ADD ${A}, ${XI}, ${C}`) + op(`LOAD ${O}, [${A}]`) + op(`ADD ${O}, ${O}, ${T}`) + op(`STORE ${O}, [${A}]`)),
      );
    }
    return cost;
  };

  /** X[i] ← E[canvas[i]] + Σ_f Φ[i, f]·Pos[f]. */
  const embed = (): number => {
    let cost = op(`LI ${XI}, ${layout.x}`);
    cost += asm.loop(I, 0, 1, N, () => {
      let c = op(`LOAD ${T}, [${I} + ${layout.canvas}]`) + op(`MUL ${A}, ${T}, ${d}`) + op(`ADD ${A}, ${A}, ${layout.embedding}`);
      c += asm.loop(C, 0, 1, d, () => op(`ADD ${P}, ${A}, ${C}`) + op(`LOAD ${O}, [${P}]`) + op(`ADD ${E}, ${XI}, ${C}`) + op(`STORE ${O}, [${E}]`));
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
      c += zero(layout.logits, V) + op(`LI ${YI}, ${layout.logits}`) + rowTimes(layout.tokenHead);
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
  return { code: asm.lines, stepBound: setup };
}
