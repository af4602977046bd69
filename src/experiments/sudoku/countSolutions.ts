/**
 * An oracle independent of the AP-MDM, for the tests and `apmdm prove experiments`: plain recursive
 * backtracking over a grid (0 = blank), counting solutions up to `limit` and returning the first one
 * found. It shares no code with the rest of src/experiments/sudoku.
 */
export function countSolutions(grid: readonly number[], limit = 2): { count: number; first: number[] | null } {
  const g = [...grid];
  let count = 0;
  let first: number[] | null = null;
  const fits = (c: number, d: number): boolean => {
    const r = Math.floor(c / 9);
    const k = c % 9;
    for (let i = 0; i < 9; i++) {
      if (g[r * 9 + i] === d || g[i * 9 + k] === d) return false;
      const br = 3 * Math.floor(r / 3) + Math.floor(i / 3);
      const bc = 3 * Math.floor(k / 3) + (i % 3);
      if (g[br * 9 + bc] === d) return false;
    }
    return true;
  };
  const search = (): void => {
    const c = g.indexOf(0);
    if (c < 0) {
      count += 1;
      first ??= [...g];
      return;
    }
    for (let d = 1; d <= 9 && count < limit; d++) {
      if (fits(c, d)) {
        g[c] = d;
        search();
        g[c] = 0;
      }
    }
  };
  search();
  return { count, first };
}
