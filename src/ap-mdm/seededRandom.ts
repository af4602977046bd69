/**
 * A small seeded PRNG of our own, so a stochastic decode replays exactly from its seed on any platform:
 * mulberry32 (Tommy Ettinger's 32-bit generator: a Weyl sequence, state += 0x6D2B79F5, through an
 * xorshift-multiply mix), and `below(b)`, an exactly uniform integer in [0, b) by rejection: draws at or
 * above the largest multiple of b that fits in 2^32 are redrawn, so no residue is favoured.
 */
export interface SeededRandom {
  /** The next 32-bit unsigned integer. */
  readonly next: () => number;
  /** A uniform integer in [0, bound), 1 ≤ bound ≤ 2^32. */
  readonly below: (bound: number) => number;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const below = (bound: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const r = next();
      if (r < limit) return r % bound;
    }
  };
  return { next, below };
}
