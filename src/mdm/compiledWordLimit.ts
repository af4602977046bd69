import { UserError } from "../errors.js";
import type { PramInstance } from "../pram/pramInstance.js";

/**
 * The widest word a compiled model accepts. The Theorem 1 and Theorem 4 vocabularies hold one token per
 * word value, 2^w of them, and the token embedding and output head are V × d matrices: at w = 16 that is
 * 65,536 tokens (tens of MB of weights); every further bit doubles it, and at w = 20 one model passes a
 * gigabyte. The PRAM interpreter itself takes any word up to 53 bits.
 */
export const MAX_COMPILED_WORD_BITS = 16;

/** Refuses, before anything is built, an instance whose words are too wide to compile (kind `mdm/word-size`). */
export function checkCompiledWord(instance: PramInstance): void {
  const w = instance.wordBits;
  if (w > MAX_COMPILED_WORD_BITS) {
    throw new UserError(
      "mdm/word-size",
      `${instance.name} at n = ${instance.n} has ${w}-bit words: a compiled model needs one token per word value (2^${w} = ${2 ** w}), ` +
        `and compiled models are limited to ${MAX_COMPILED_WORD_BITS}-bit words (docs/semantics.md, "Limits"); the PRAM interpreter (pram run) takes it`,
    );
  }
}
