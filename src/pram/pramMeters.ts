/**
 * What a run cost. T: parallel steps executed (each with at least one running processor); P: the most
 * processors running in one step; W: processor-instructions executed (HALT included); S: memory cells (the
 * declared M); reads / writes: LOADs / STOREs executed (a CRCW write that loses counts too).
 */
export interface PramMeters {
  readonly T: number;
  readonly P: number;
  readonly W: number;
  readonly S: number;
  readonly reads: number;
  readonly writes: number;
}

export const METER_NAMES: readonly (keyof PramMeters)[] = ["T", "P", "W", "S", "reads", "writes"];
