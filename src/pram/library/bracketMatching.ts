import fc from "fast-check";
import type { LibraryEntry } from "./libraryEntry.js";
import { valuesOf } from "./valuesOf.js";

/** 1 if the word (1 = '(', 0 = ')') is balanced, else 0. */
function balanced(x: readonly number[]): number[] {
  let depth = 0;
  for (const b of x) {
    depth += b === 1 ? 1 : -1;
    if (depth < 0) return [0];
  }
  return [depth === 0 ? 1 : 0];
}

/**
 * A balanced word of even length built from arbitrary bits: a bit chooses '(' or ')' wherever both
 * keep the word completable (a ')' needs an open bracket, a '(' needs room to close it).
 */
function dyckWord(bits: readonly number[]): number[] {
  let depth = 0;
  return bits.map((b, i) => {
    const left = bits.length - i;
    const open = depth === 0 || (depth < left - 1 && b === 1);
    depth += open ? 1 : -1;
    return open ? 1 : 0;
  });
}

/** Random bit strings (rarely balanced), balanced words, and balanced words with one bracket flipped. */
function brackets(n: number): fc.Arbitrary<number[]> {
  const bits = valuesOf(n, 0, 1);
  if (n % 2 === 1) return bits;
  const words = bits.map(dyckWord);
  const flipped = fc.tuple(words, fc.nat({ max: n - 1 })).map(([w, i]) => w.map((b, j) => (j === i ? 1 - b : b)));
  return fc.oneof(bits, words, flipped);
}

export const bracketMatching: LibraryEntry = {
  name: "bracket-matching",
  file: "bracket-matching.pram",
  summary: "Dyck-1 recognition (1 = '(', 0 = ')'): balanced? via a (sum, min prefix) reduction tree (O(log n), EREW)",
  reference: balanced,
  inputs: brackets,
  testSizes: [1, 2, 3, 4, 6, 8, 10, 16, 31],
};
