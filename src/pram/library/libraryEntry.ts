import type fc from "fast-check";

/**
 * A program of the library: its `.pram` file in programs/, a plain sequential reference, and the inputs it
 * is meant for. Bounds T(n), P(n), S(n) are the file's own header (.steps, .processors, .memory).
 */
export interface LibraryEntry {
  readonly name: string;
  /** File name inside programs/. */
  readonly file: string;
  readonly summary: string;
  /** The output the program must produce, computed sequentially in plain TS. */
  readonly reference: (input: readonly number[]) => number[];
  /** Inputs of length n that the program is specified for (respecting .input and any structure it needs). */
  readonly inputs: (n: number) => fc.Arbitrary<number[]>;
  /** Input lengths the property tests sweep (each valid for the program). */
  readonly testSizes: readonly number[];
}
