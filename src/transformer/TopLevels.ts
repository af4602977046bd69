/**
 * The two best score levels of the keys a key-index search feeds it, blocks of keys at a time, in any order:
 * best (count keys attain it, their values summing to sum[so .. so + dV)) and second, the best score strictly
 * below it (count2 keys; −∞ and 0 while every key fed ties). Fed a subset of the keys that contains every key
 * of the whole set's two top levels, it holds the whole set's levels: its best is then the whole best, and its
 * second the largest fed score below it, at least the whole second, which is fed with all its keys.
 * The sum is exact when the values are integers whose partial sums stay within 2^53 (then any order of
 * addition gives the same integer, never −0: it starts from +0).
 *
 * It also lists the top level's keys, as ranges [from, to) of the caller's key order, while they number at
 * most `limit` (HeadCache's holds); `listed` counts them all.
 */
export class TopLevels {
  best = -Infinity;
  second = -Infinity;
  count = 0;
  count2 = 0;
  listed = 0;
  readonly from: number[] = [];
  readonly to: number[] = [];

  constructor(
    private readonly sum: Float64Array,
    private readonly so: number,
    private readonly dV: number,
    private readonly limit: number,
  ) {}

  /** c keys of score s, their value sum at values[vo .. vo + dV), listed as keys [keysFrom, keysFrom + c). */
  add(s: number, c: number, values: Float64Array, vo: number, keysFrom: number): void {
    const { sum, so, dV } = this;
    if (s > this.best) {
      this.second = this.best;
      this.count2 = this.count;
      this.best = s;
      this.count = c;
      for (let e = 0; e < dV; e++) sum[so + e] = 0 + values[vo + e];
      this.from.length = this.to.length = this.listed = 0;
      this.list(keysFrom, keysFrom + c);
    } else if (s === this.best) {
      this.count += c;
      for (let e = 0; e < dV; e++) sum[so + e] += values[vo + e];
      this.list(keysFrom, keysFrom + c);
    } else if (s > this.second) {
      this.second = s;
      this.count2 = c;
    } else if (s === this.second) this.count2 += c;
  }

  private list(from: number, to: number): void {
    this.listed += to - from;
    if (this.listed > this.limit) return;
    this.from.push(from);
    this.to.push(to);
  }
}
