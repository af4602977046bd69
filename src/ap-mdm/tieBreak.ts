/**
 * How a decode picks a masked position's token when several tie for the maximum:
 *  - lowest: the lowest token id (the argmax of design.md; deterministic);
 *  - sample: uniformly among exactly the tied maximal tokens, from `seededRandom(seed)`, one draw per
 *            position that takes a token and has two or more tied, left to right within a step.
 */
export type TieBreak = { readonly kind: "lowest" } | { readonly kind: "sample"; readonly seed: number };
