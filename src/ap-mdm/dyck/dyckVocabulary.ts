import { ApMdmError } from "../ApMdmError.js";

/**
 * Tokens of the Theorem 5 AP-MDM for k bracket pairs and a target length 2m: the mask `M`, the start
 * marker `^`, the letters a_1 … a_k written a, b, c, … and their inverses ā_1 … ā_k written A, B, C, …,
 * and one gap token `@g` per gap g = 0 … 2m − 2 an inverse pair may be inserted into (g = the number of
 * letters to its left).
 */
export interface DyckVocabulary {
  readonly names: readonly string[];
  readonly mask: number;
  readonly start: number;
  /** The token of a letter (+i: a_i, −i: ā_i). */
  readonly letter: (x: number) => number;
  /** The letter of a token, or 0 when it is not a letter. */
  readonly letterOf: (token: number) => number;
  /** The token @g. */
  readonly gap: (g: number) => number;
  /** Largest gap index with a token. */
  readonly maxGap: number;
}

export const MAX_K = 26;

/** The number of tokens for k pairs and a target length, after checking both (ApMdmError dyck-k, dyck-length). */
export function dyckVocabularySize(k: number, length: number): number {
  if (!(Number.isSafeInteger(k) && k >= 1 && k <= MAX_K)) throw new ApMdmError("dyck-k", `k must be an integer in 1 … ${MAX_K}, got ${k}`);
  if (!(Number.isSafeInteger(length) && length >= 0 && length % 2 === 0)) {
    throw new ApMdmError("dyck-length", `the target length must be an even integer ≥ 0 (a two-sided Dyck word has even length), got ${length}`);
  }
  return 2 + 2 * k + Math.max(0, length - 1);
}

export function dyckVocabulary(k: number, length: number): DyckVocabulary {
  dyckVocabularySize(k, length);
  const maxGap = length - 2;
  const lower = Array.from({ length: k }, (_, i) => String.fromCharCode(97 + i));
  const names = ["M", "^", ...lower, ...lower.map((c) => c.toUpperCase()), ...Array.from({ length: maxGap + 1 }, (_, g) => `@${g}`)];
  return {
    names,
    mask: 0,
    start: 1,
    letter: (x) => (x > 0 ? 1 + x : 1 + k - x),
    letterOf: (t) => (t >= 2 && t <= 1 + k ? t - 1 : t >= 2 + k && t <= 1 + 2 * k ? -(t - 1 - k) : 0),
    gap: (g) => 2 + 2 * k + g,
    maxGap,
  };
}
