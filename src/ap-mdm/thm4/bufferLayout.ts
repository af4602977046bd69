import { checkConstructionSize } from "../../mdm/checkConstructionSize.js";
import { checkCompiledWord } from "../../mdm/compiledWordLimit.js";
import type { PramInstance } from "../../pram/pramInstance.js";

/**
 * Where everything sits on the full Theorem 4 canvas (positions 0-based), S = 1 + 2·B:
 *
 *   0                          BOS
 *   1 … B                      buffer A
 *   B + 1 … 2B                 buffer B
 *
 * and within a buffer (offset o from its first position), B = M + 1 + P·(R + 1):
 *
 *   o = c ∈ [0, M)             mem[c]
 *   o = M                      the clock: how many PRAM steps the buffer's state has executed
 *   o = M + 1 + p·(R+1)        processor p's program counter (or HALT)
 *   o = M + 1 + p·(R+1) + 1 + r   processor p's register r
 *
 * The input x0 … x(n−1) is A's mem[0 … n−1], at positions 1 … n: the initial canvas [BOS, x…] is a
 * prefix of the full one, and growing inserts masks only after position n.
 */
export interface BufferLayout {
  readonly n: number;
  readonly M: number;
  readonly P: number;
  readonly R: number;
  /** Buffer size M + 1 + P·(R + 1). */
  readonly B: number;
  /** Full (peak) canvas length 1 + 2B. */
  readonly S: number;
  /** First position of buffer 0 (A) or 1 (B). */
  readonly base: (buffer: 0 | 1) => number;
  /** Offsets within a buffer. */
  readonly clockOffset: number;
  readonly procOffset: (p: number) => number;
  /** A short name for what position i of the full canvas (or of a growing prefix of it) holds. */
  readonly describe: (position: number) => string;
}

/** The layout of an instance's buffers; refuses (mdm/word-size, mdm/too-large) one that could not be compiled or would not fit. */
export function bufferLayout(instance: PramInstance): BufferLayout {
  checkCompiledWord(instance);
  const { n, memory: M, processors: P, registers: R } = instance;
  const B = M + 1 + P * (R + 1);
  const S = 1 + 2 * B;
  checkConstructionSize(`${instance.name} at n = ${n} (Theorem 4: 1 + 2·(M + 1 + P·(R + 1)))`, { canvas: S });
  const base = (buffer: 0 | 1) => 1 + buffer * B;
  const procOffset = (p: number) => M + 1 + p * (R + 1);
  const describe = (i: number): string => {
    if (i === 0) return "BOS";
    const buffer = i <= B ? "A" : "B";
    const o = (i - 1) % B;
    if (o < M) return `${buffer} mem[${o}]`;
    if (o === M) return `${buffer} clock`;
    const p = Math.floor((o - M - 1) / (R + 1));
    const f = (o - M - 1) % (R + 1);
    return f === 0 ? `${buffer} p${p} pc` : `${buffer} p${p} r${f - 1}`;
  };
  return { n, M, P, R, B, S, base, clockOffset: M, procOffset, describe };
}
