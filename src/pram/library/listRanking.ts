import fc from "fast-check";
import type { LibraryEntry } from "./libraryEntry.js";

/** The successor array of the list visiting `order` front to back; the tail points to itself. */
export function successorsOf(order: readonly number[]): number[] {
  const succ = new Array<number>(order.length);
  order.forEach((v, k) => (succ[v] = order[Math.min(k + 1, order.length - 1)]));
  return succ;
}

/** Links from each node to the tail, by walking the list. */
function ranks(succ: readonly number[]): number[] {
  return succ.map((_, start) => {
    let v = start;
    let links = 0;
    while (succ[v] !== v) {
      v = succ[v];
      links += 1;
      if (links >= succ.length) throw new Error(`list-ranking reference: ${succ.join(",")} is not a linked list`);
    }
    return links;
  });
}

/** A random visiting order of 0..n-1 (sort keys, ties by index: shrinks towards 0 → 1 → … → n-1). */
function randomOrder(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.nat({ max: 4 * n }), { minLength: n, maxLength: n })
    .map((keys) => keys.map((key, v) => ({ key, v })).sort((a, b) => a.key - b.key || a.v - b.v).map((e) => e.v));
}

export const listRanking: LibraryEntry = {
  name: "list-ranking",
  file: "list-ranking.pram",
  summary: "distance to the tail of a linked list, pointer jumping (P = n, O(log n), CREW)",
  reference: ranks,
  inputs: (n) => randomOrder(n).map(successorsOf),
  testSizes: [1, 2, 3, 4, 7, 8, 16, 31],
};
