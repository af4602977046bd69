/** The PRAM run a sweep point is measured beside: its meters, and the declared bounds at this n. */
export interface PramRunSummary {
  readonly output: readonly number[];
  /** Measured parallel steps. */
  readonly T: number;
  /** Declared processors P(n), step bound T(n), memory M(n). */
  readonly processors: number;
  readonly stepBound: number;
  readonly memory: number;
}
