import { describe, expect, it } from "vitest";
import { budgetClock } from "../../src/plot/budgetClock.js";
import { plotSizes } from "../../src/plot/plotSizes.js";
import { scaleSizes } from "../../src/proofs/scaleSizes.js";
import { loadProgram } from "../../src/pram/loadProgram.js";

describe("plotSizes", () => {
  it("takes the ladder 1, 2, 3, 4, 6, 8, 12, … and, where a program is valid at fewer sizes, the next valid one", () => {
    expect([...plotSizes(loadProgram("prefix-sums"), 64)]).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64]);
    expect([...plotSizes(loadProgram("bitonic-sort"), 64)]).toEqual([2, 4, 8, 16, 32, 64]);
    expect([...plotSizes(loadProgram("connected-components"), 64)]).toEqual([1, 4, 9, 16, 25, 36, 49, 64]);
    expect([...plotSizes(loadProgram("matrix-multiply"), 128)]).toEqual([2, 8, 18, 32, 50, 72, 98, 128]);
  });

  it("finds its sizes lazily: the first sizes up to n = 2^40 come without a search of the sizes beyond them", () => {
    // An eager search would evaluate bitonic-sort's `.valid` about 2^39 times (plot's estimate spent 8 s on 10^5).
    const sizes = plotSizes(loadProgram("bitonic-sort"), 2 ** 40);
    expect([0, 1, 2].map(() => sizes.next().value)).toEqual([2, 4, 8]);
  });
});

describe("budgetClock", () => {
  it("grows a series while its time so far plus the next size's predicted time (× (n'/n)²) fits its share and the budget", () => {
    let t = 0;
    const clock = budgetClock(100, 1, () => t);
    clock.begin(["a", "b", "c", "d"], 4); // a share of 25 s per series
    expect(clock.grows("a", 1)).toBe(true);
    clock.spent("a", 1, 1);
    expect(clock.grows("a", 2)).toBe(true); // 1 + 4 ≤ 25
    clock.spent("a", 2, 4);
    expect(clock.grows("a", 4)).toBe(true); // 5 + 16 ≤ 25
    clock.spent("a", 4, 16);
    expect(clock.grows("a", 4)).toBe(true); // a size already measured
    expect(clock.grows("a", 6)).toBe(false); // 21 + 36 > 25
    t = 98;
    expect(clock.grows("b", 1)).toBe(true); // not measured yet
    clock.spent("b", 1, 1);
    expect(clock.grows("b", 2)).toBe(false); // 98 + 4 > 100 although b's share has room
    t = 200;
    expect(clock.grows("c", 1)).toBe(true); // a series' first size is measured even with the budget spent
    clock.spent("c", 1, 0.001);
    expect(clock.grows("c", 2)).toBe(false);
  });

  it("predicts with the last two sizes' growth exponent when it is above 2, up to 4", () => {
    for (const [budget, grows] of [[72, false], [73, true]] as const) {
      const clock = budgetClock(budget, 1, () => 0);
      clock.begin(["arm"], 1);
      clock.spent("arm", 1, 1);
      clock.spent("arm", 2, 8); // grew as n³: 4 predicts 64 (n² would predict 32)
      expect(clock.grows("arm", 4)).toBe(grows); // 9 + 64 against the budget
    }
    const fast = budgetClock(1000, 1, () => 0);
    fast.begin(["arm", "mdm"], 1);
    fast.spent("arm", 1, 1);
    fast.spent("arm", 2, 100); // grew as n^6.6: capped at n⁴, 4 predicts 1600
    expect(fast.grows("arm", 4)).toBe(false);
    fast.spent("mdm", 1, 4);
    fast.spent("mdm", 2, 4); // flat: still n², 4 predicts 16
    expect(fast.grows("mdm", 4)).toBe(true);
  });

  it("gives the series of each program begun an equal part of what is left of the budget", () => {
    let t = 0;
    const clock = budgetClock(100, 1, () => t);
    clock.begin(["a", "b"], 4); // 25 s per series
    clock.spent("a", 1, 2);
    expect(clock.grows("a", 4)).toBe(false); // 2 + 32 > 25
    clock.end("a");
    clock.spent("b", 1, 1);
    clock.end("b");
    t = 10;
    clock.begin(["c", "d"], 2); // 90 s left for 2 series: 45 each
    clock.spent("c", 1, 2);
    expect(clock.grows("c", 4)).toBe(true); // 2 + 32 ≤ 45
    t = 100;
    clock.begin(["e"], 1); // nothing left
    clock.spent("e", 1, 0.001);
    expect(clock.grows("e", 2)).toBe(false);
    expect(clock.grows("f", 1)).toBe(true); // a first size is still measured
  });

  it("with several threads shares thread-seconds, less the unused shares of series still growing, within the wall-clock budget", () => {
    let t = 0;
    const clock = budgetClock(100, 2, () => t);
    clock.begin(["a", "b"], 4); // 2 threads × 100 s over 4 series: 50 each
    clock.spent("a", 1, 2);
    expect(clock.grows("a", 4)).toBe(true); // 2 + 32 ≤ 50 (one thread would give it 25)
    clock.end("a"); // its unused 48 s go back
    clock.spent("b", 1, 10); // b still grows: 40 s of its share stay reserved
    t = 20;
    clock.begin(["c", "d"], 2); // 2 × 80 s − 40 s for b = 120 s: 60 each
    clock.spent("c", 1, 1);
    expect(clock.grows("c", 7)).toBe(true); // 1 + 49 ≤ 60, and 20 + 49 ≤ 100
    expect(clock.grows("c", 8)).toBe(false); // 1 + 64 > 60 (80 each without b's reserve)
    t = 60;
    expect(clock.grows("c", 7)).toBe(false); // 60 + 49 > 100 although c's share has room
  });

  it("without a budget grows everything", () => {
    const clock = budgetClock(null, 4, () => 1e9);
    clock.spent("a", 1, 1e6);
    expect(clock.grows("a", 1024)).toBe(true);
  });
});

describe("scaleSizes", () => {
  it("takes the powers of two beyond a program's test sizes, moved up to its next valid size", () => {
    expect(scaleSizes(loadProgram("prefix-sums"), 16, 64)).toEqual([32, 64]);
    expect(scaleSizes(loadProgram("sum"), 33, 128)).toEqual([64, 128]);
    expect(scaleSizes(loadProgram("matrix-multiply"), 50, 128)).toEqual([72, 128]);
    expect(scaleSizes(loadProgram("prefix-sums"), 16, 16)).toEqual([]);
  });
});
