/**
 * The bookkeeping of a plot's time budget (SweepSettings.budget): per series the time spent and its last
 * two sizes and times. A series grows to a size n' above its last n while its spent time plus the predicted
 * time of n' stays within its share, and the sweep's own elapsed time plus that prediction within the budget. The share is
 * budget / series at first; `begin(remaining)`, called as the sweep reaches a program, shares what is left
 * of the budget among the series from there on, so that time the earlier series did not use (a series
 * that stopped early, or reached --max-n) goes to the later ones. A series not yet measured always takes
 * its first size, so that every program is plotted even when the budget is spent. Without a budget
 * everything grows. The prediction is the last time × (n'/n)^k: k = 2 (the canvas grows about linearly and
 * a step's work with it) unless the last two sizes grew faster (the one-token processes take steps that
 * grow as P·T, each over a canvas as long), then their exponent, up to 4.
 */
export function budgetClock(budget: number | null, series: number, now: () => number = () => performance.now() / 1000) {
  const start = now();
  let share = budget === null ? Infinity : budget / Math.max(1, series);
  const seen = new Map<string, { spent: number; n: number; seconds: number; k: number }>();
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
      const predicted = s.seconds * (n / s.n) ** s.k;
      return s.spent + predicted <= share && elapsed + predicted <= budget;
    },
    spent(key: string, n: number, seconds: number): void {
      const last = seen.get(key);
      const observed = last === undefined || n <= last.n || last.seconds <= 0 || seconds <= 0 ? 2 : Math.log(seconds / last.seconds) / Math.log(n / last.n);
      seen.set(key, { spent: (last?.spent ?? 0) + seconds, n, seconds, k: Math.min(4, Math.max(2, observed)) });
    },
  };
}
