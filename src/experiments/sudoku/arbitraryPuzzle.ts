import fc from "fast-check";

/**
 * Puzzles with known status: a valid grid (a fixed pattern with its digits relabelled and its rows and
 * columns permuted within bands and stacks), `blanks` of its cells removed, and optionally one wrong clue
 * that conflicts with no other clue (usually making the puzzle unsolvable; the oracle decides).
 */
export function arbitraryPuzzle(maxBlanks: number): fc.Arbitrary<number[]> {
  const perm3 = fc.shuffledSubarray([0, 1, 2], { minLength: 3 });
  return fc
    .record({
      digits: fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 9 }),
      bands: perm3,
      rows: fc.tuple(perm3, perm3, perm3),
      stacks: perm3,
      cols: fc.tuple(perm3, perm3, perm3),
      blanks: fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: maxBlanks }),
      wrong: fc.option(fc.nat(), { nil: null }),
    })
    .map(({ digits, bands, rows, stacks, cols, blanks, wrong }) => {
      const grid = Array.from({ length: 81 }, (_, c) => {
        const r = 3 * bands[Math.floor(c / 27)] + rows[Math.floor(c / 27)][Math.floor(c / 9) % 3];
        const k = 3 * stacks[Math.floor((c % 9) / 3)] + cols[Math.floor((c % 9) / 3)][c % 3];
        return digits[(3 * (r % 3) + Math.floor(r / 3) + k) % 9];
      });
      for (const c of blanks) grid[c] = 0;
      if (wrong !== null) {
        const c = blanks[wrong % blanks.length];
        const d = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((x) => !grid.some((e, b) => e === x && b !== c && peers(b, c)));
        if (d !== undefined) grid[c] = d;
      }
      return grid;
    });
}

const peers = (a: number, b: number): boolean =>
  Math.floor(a / 9) === Math.floor(b / 9) || a % 9 === b % 9 || (Math.floor(a / 27) === Math.floor(b / 27) && Math.floor((a % 9) / 3) === Math.floor((b % 9) / 3));
