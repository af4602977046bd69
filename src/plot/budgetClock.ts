/**
 * The bookkeeping of a plot's time budget (SweepSettings.budget): per series the time spent and its last
 * size and time. A series grows to a size n' above its last n while its spent time plus the predicted
 * time of n' (the last time × (n'/n)², the canvas growing about linearly and a step's work with it) stays
 * within its share, and the sweep's own elapsed time plus that prediction within the budget. The share is
 * budget / series at first; `begin(remaining)`, called as the sweep reaches a program, shares what is left
 * of the budget among the series from there on, so that time the earlier series did not use (a series
 * that stopped early, or reached --max-n) goes to the later ones. A series not yet measured always takes
 * its first size, so that every program is plotted even when the budget is spent. Without a budget
 * everything grows.
 */
export function budgetClock(budget: number | null, series: number, now: () => number = () => performance.now() / 1000) {
  const start = now();
  let share = budget === null ? Infinity : budget / Math.max(1, series);
  const seen = new Map<string, { spent: number; n: number; seconds: number }>();
  return {
    begin(remaining: number): void {
      if (budget !== null) share = Math.max(0, budget - (now() - start)) / Math.max(1, remaining);
    },
    grows(key: string, n: number): boolean {
      if (budget === null) return true;
      const elapsed = now() - start;
      const s = seen.get(key);
      if (!s) return true;
      if (n <= s.n) return true;
      const predicted = s.seconds * (n / s.n) ** 2;
      return s.spent + predicted <= share && elapsed + predicted <= budget;
    },
    spent(key: string, n: number, seconds: number): void {
      seen.set(key, { spent: (seen.get(key)?.spent ?? 0) + seconds, n, seconds });
    },
  };
}
