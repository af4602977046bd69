/**
 * Two-sided Dyck-k (docs/theorem5.md). Letters are non-zero integers: +i is a_i and −i its inverse ā_i
 * (1 ≤ i ≤ k). A word is two-sided Dyck-k when cancelling adjacent inverse pairs — a_i ā_i and ā_i a_i —
 * until none is left yields the empty word: it is the identity of the free group on a_1 … a_k. Free
 * reduction is confluent, so the order of cancellations does not matter and one left-to-right stack pass
 * computes the reduced word.
 */
export function freeReduce(word: readonly number[]): number[] {
  const stack: number[] = [];
  for (const x of word) {
    if (stack.length > 0 && stack[stack.length - 1] === -x) stack.pop();
    else stack.push(x);
  }
  return stack;
}

export function isTwoSidedDyck(word: readonly number[], k: number): boolean {
  return word.every((x) => Number.isInteger(x) && x !== 0 && Math.abs(x) <= k) && freeReduce(word).length === 0;
}

/** The 2k letters in vocabulary order: a_1 … a_k, then ā_1 … ā_k. */
export const dyckLetters = (k: number): number[] => [...Array.from({ length: k }, (_, i) => i + 1), ...Array.from({ length: k }, (_, i) => -(i + 1))];

/** Every two-sided Dyck-k word of a length, by brute force: all (2k)^length words, filtered by free reduction. */
export function allTwoSidedDyck(k: number, length: number): number[][] {
  const letters = dyckLetters(k);
  const out: number[][] = [];
  const word = new Array<number>(length);
  const fill = (at: number): void => {
    if (at === length) {
      if (freeReduce(word).length === 0) out.push([...word]);
      return;
    }
    for (const x of letters) {
      word[at] = x;
      fill(at + 1);
    }
  };
  fill(0);
  return out;
}
