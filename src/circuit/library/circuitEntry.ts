import type { Circuit } from "../circuit.js";
import { CircuitError } from "../CircuitError.js";

/** A library circuit family, one circuit per n. */
export interface CircuitEntry {
  readonly name: string;
  readonly summary: string;
  readonly minN: number;
  readonly maxN: number;
  /** The sizes the proofs and plots sweep by default. */
  readonly sweep: readonly number[];
  readonly build: (n: number) => Circuit;
}

/** An entry whose build checks n first (a one-line CircuitError naming the family and its range). */
export function circuitEntry(e: Omit<CircuitEntry, "build"> & { readonly make: (n: number) => Circuit }): CircuitEntry {
  const { make, ...rest } = e;
  return {
    ...rest,
    build(n) {
      if (!Number.isSafeInteger(n) || n < e.minN || n > e.maxN) throw new CircuitError("parameter", null, `${e.name}: n must be an integer in ${e.minN} … ${e.maxN}, got ${n}`);
      return make(n);
    },
  };
}
