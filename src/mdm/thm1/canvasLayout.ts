import { checkConstructionSize } from "../checkConstructionSize.js";
import { checkCompiledWord } from "../compiledWordLimit.js";
import type { PramInstance } from "../../pram/pramInstance.js";

/**
 * Where everything sits on the Theorem 1 canvas (positions 0-based):
 *
 *   0                BOS
 *   1 … n            the input x0 … x(n−1) (memory cells 0 … n−1 at the start; every other cell is 0)
 *   recordBase …     T blocks, one per parallel step t = 1 … T, each of 2P records of 3 tokens:
 *                      records 0 … P−1:   the read record of processor p:  [pc', reg, val]
 *                      records P … 2P−1:  the write record of processor p: [addr, val, raddr]
 *                    pc' is p's program counter after step t (or HALT); reg/val the register it wrote
 *                    (or NONE, NONE); addr/val the memory cell it wrote (or NONE, NONE); raddr the cell it
 *                    read (or NONE), kept for the EREW read-conflict check.
 *   outputBase …     the output region: mem[outputStart + k] after the run, k = 0 … outputLength−1.
 *
 * Write records come after all read records of their step, so a left-to-right decode (Masked-ARM, ARM)
 * never lets a read of step t see a write of step t: reads see start-of-step memory, as the PRAM's do.
 */
export interface CanvasLayout {
  readonly n: number;
  readonly P: number;
  readonly T: number;
  readonly recordBase: number;
  readonly blockSize: number;
  readonly outputBase: number;
  readonly length: number;
  readonly describe: (position: number) => string;
}

export const RECORD_SIZE = 3;

/** The layout of an instance's canvas; refuses (mdm/word-size, mdm/too-large) one that could not be compiled or would not fit. */
export function canvasLayout(instance: PramInstance): CanvasLayout {
  checkCompiledWord(instance);
  const { n, processors: P, stepBound: T } = instance;
  const recordBase = 1 + n;
  const blockSize = 2 * P * RECORD_SIZE;
  const outputBase = recordBase + T * blockSize;
  const length = outputBase + instance.outputLength;
  checkConstructionSize(`${instance.name} at n = ${n} (Theorem 1: n + 1 + 6·P·T + output)`, { canvas: length });
  const describe = (i: number): string => {
    if (i === 0) return "BOS";
    if (i < recordBase) return `input x${i - 1}`;
    if (i >= outputBase) return `output mem[${instance.outputStart + i - outputBase}]`;
    const o = i - recordBase;
    const t = Math.floor(o / blockSize) + 1;
    const rec = Math.floor(o / RECORD_SIZE) % (2 * P);
    const f = o % RECORD_SIZE;
    return rec < P ? `t${t} p${rec} ${["pc", "reg", "val"][f]}` : `t${t} p${rec - P} ${["addr", "val", "raddr"][f]}`;
  };
  return { n, P, T, recordBase, blockSize, outputBase, length, describe };
}
