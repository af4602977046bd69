/**
 * The max-flow canvas's tokens for graphs of at most `maxNodes` nodes (K). Families, in id order:
 *
 *   M  $  +  0  1  n0…n(K−1)  s0…s(K−1)  t0…t(K−1)  ^0…^(K−1)  =0…=K
 *
 * n·: an edge endpoint; s· / t·: the source and target in the header; 0 / 1: an edge's flow slot;
 * ^p: a BFS tree mark, "reached from parent p"; +: one augmenting path in the tally; $: the end of the
 * edge list; =k: the flow value, written last. A token's family is a function of the token alone, so
 * every slot of the canvas can be told apart by the token in it (or, for a mask, by its left neighbour).
 */
export interface MaxflowVocabulary {
  readonly maxNodes: number;
  readonly names: readonly string[];
  readonly mask: 0;
  readonly end: 1;
  readonly plus: 2;
  readonly bit: (b: 0 | 1) => number;
  readonly node: (x: number) => number;
  readonly source: (x: number) => number;
  readonly target: (x: number) => number;
  readonly parent: (x: number) => number;
  readonly answer: (k: number) => number;
}

export function maxflowVocabulary(maxNodes: number): MaxflowVocabulary {
  const K = maxNodes;
  const base = { node: 5, source: 5 + K, target: 5 + 2 * K, parent: 5 + 3 * K, answer: 5 + 4 * K };
  const family = (prefix: string, count: number) => Array.from({ length: count }, (_, x) => `${prefix}${x}`);
  const names = ["M", "$", "+", "0", "1", ...family("n", K), ...family("s", K), ...family("t", K), ...family("^", K), ...family("=", K + 1)];
  return {
    maxNodes,
    names,
    mask: 0,
    end: 1,
    plus: 2,
    bit: (b) => 3 + b,
    node: (x) => base.node + x,
    source: (x) => base.source + x,
    target: (x) => base.target + x,
    parent: (x) => base.parent + x,
    answer: (k) => base.answer + k,
  };
}
