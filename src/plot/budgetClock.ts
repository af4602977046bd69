/**
 * The bookkeeping of a plot's time budget (SweepSettings.budget) for a sweep that runs up to `threads`
 * decodes at once: per series its share, the time it spent, and its last size and time. A series grows to
 * a size n' above its last n while its spent time plus the predicted time of n' stays within its share,
 * and the sweep's own elapsed (wall-clock) time plus that prediction within the budget. Shares are in
 * thread-seconds: the sweep has threads × budget of them. `begin(keys, remaining)`, called as the sweep
 * reaches a program, gives each of its series an equal part of what is left — threads × the budget's
 * unspent wall time, less the unused shares of series still growing (with several threads, an earlier
 * program's series may still run) — divided among the `remaining` series from there on; `end(key)`
 * frees a series' unused share once it grows no more, so that time a series did not use (it stopped
 * early, or reached --max-n) goes to the later ones. With one thread this is: each program's series share
 * what is left of the budget. A series not yet measured always takes its first size, so that every
 * program is plotted even when the budget is spent. Without a budget everything grows. The prediction is
 * the last time × (n'/n)^k: k = 2 (the canvas grows about linearly and a step's work with it) unless the
 * last two sizes grew faster (the one-token processes take steps that grow as P·T, each over a canvas
 * as long), then their exponent, up to 4.
 */
export function budgetClock(budget: number | null, threads = 1, now: () => number = () => performance.now() / 1000) {
  const start = now();
  const series = new Map<string, { share: number; spent: number; growing: boolean; last: { n: number; seconds: number; k: number } | null }>();
  return {
    begin(keys: readonly string[], remaining: number): void {
      if (budget === null) return;
      let reserved = 0;
      for (const s of series.values()) if (s.growing) reserved += Math.max(0, s.share - s.spent);
      const left = Math.max(0, threads * Math.max(0, budget - (now() - start)) - reserved);
      for (const key of keys) series.set(key, { share: left / Math.max(1, remaining), spent: 0, growing: true, last: null });
    },
    grows(key: string, n: number): boolean {
      if (budget === null) return true;
      const s = series.get(key);
      if (!s?.last) return true;
      if (n <= s.last.n) return true;
      const predicted = s.last.seconds * (n / s.last.n) ** s.last.k;
      return s.spent + predicted <= s.share && now() - start + predicted <= budget;
    },
    spent(key: string, n: number, seconds: number): void {
      const s = series.get(key) ?? { share: Infinity, spent: 0, growing: true, last: null };
      const last = s.last;
      const observed = last === null || n <= last.n || last.seconds <= 0 || seconds <= 0 ? 2 : Math.log(seconds / last.seconds) / Math.log(n / last.n);
      series.set(key, { ...s, spent: s.spent + seconds, last: { n, seconds, k: Math.min(4, Math.max(2, observed)) } });
    },
    end(key: string): void {
      const s = series.get(key);
      if (s) s.growing = false;
    },
  };
}
