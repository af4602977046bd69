import type { ConflictMode } from "./conflictMode.js";
import type { Instruction } from "./instruction.js";

/**
 * A PRAM program instantiated at one input length n: every header expression evaluated. This is what the
 * interpreter runs and what the MDM / AP-MDM constructions compile.
 */
export interface PramInstance {
  readonly name: string;
  readonly n: number;
  /** P: processors (pids 0..P-1). */
  readonly processors: number;
  /** M: shared memory cells 0..M-1; the input sits in cells 0..n-1, every other cell starts at 0. */
  readonly memory: number;
  /** w: words are signed integers in [-2^(w-1), 2^(w-1)). */
  readonly wordBits: number;
  /** R: general registers r0..r(R-1) per processor, all 0 at start. */
  readonly registers: number;
  /** The output is mem[outputStart .. outputStart + outputLength - 1] after halting. */
  readonly outputStart: number;
  readonly outputLength: number;
  /** Declared step bound T(n): running past it is an error. */
  readonly stepBound: number;
  readonly mode: ConflictMode;
  /** Inclusive range every input value must lie in. */
  readonly inputMin: number;
  readonly inputMax: number;
  readonly code: readonly Instruction[];
  /** For messages: the source line of each instruction (1-based), and its label if any. */
  readonly lines: readonly number[];
}
