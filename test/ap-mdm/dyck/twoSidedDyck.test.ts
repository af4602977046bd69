import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { allTwoSidedDyck, dyckLetters, freeReduce, isTwoSidedDyck } from "../../../src/ap-mdm/dyck/twoSidedDyck.js";

const binomial = (n: number, r: number): number => (r === 0 ? 1 : (binomial(n - 1, r - 1) * n) / r);

/** Builds a word from ε by inserting adjacent inverse pairs (x x̄, either order) at the given gaps. */
const insertions = (k: number) =>
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: k }), fc.boolean()), { maxLength: 10 }).map((steps) => {
    const w: number[] = [];
    for (const [at, i, inverseFirst] of steps) w.splice(at % (w.length + 1), 0, ...(inverseFirst ? [-i, i] : [i, -i]));
    return w;
  });

describe("two-sided Dyck-k", () => {
  it("cancels a_i ā_i and ā_i a_i, but nothing else", () => {
    expect(freeReduce([1, -1])).toEqual([]);
    expect(freeReduce([-1, 1])).toEqual([]);
    expect(freeReduce([1, 2, -2, -1, -2, 2])).toEqual([]);
    expect(freeReduce([1, 2, -1, -2])).toEqual([1, 2, -1, -2]);
    expect(freeReduce([1, 1, -1])).toEqual([1]);
    expect(isTwoSidedDyck([2, -1, 1, -2], 2)).toBe(true);
    expect(isTwoSidedDyck([2, -2], 1)).toBe(false);
    expect(isTwoSidedDyck([], 1)).toBe(true);
    expect(dyckLetters(2)).toEqual([1, 2, -1, -2]);
  });

  test.prop([fc.integer({ min: 1, max: 3 }).chain((k) => fc.tuple(fc.constant(k), insertions(k)))])(
    "a word built by inserting inverse pairs anywhere reduces to ε",
    ([k, w]) => {
      expect(isTwoSidedDyck(w, k)).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 }).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.constantFrom(...dyckLetters(k)), { maxLength: 12 })))])(
    "a word that reduces to ε is built by inserting pairs: removing any adjacent cancelling pair keeps it reducible, down to ε",
    ([k, w]) => {
      if (!isTwoSidedDyck(w, k)) return;
      // Remove the *last* cancelling pair each time (not the stack's order): still ends at ε.
      const u = [...w];
      for (;;) {
        let at = -1;
        for (let i = 0; i + 1 < u.length; i++) if (u[i] === -u[i + 1]) at = i;
        if (at < 0) break;
        u.splice(at, 2);
        expect(isTwoSidedDyck(u, k)).toBe(true);
      }
      expect(u).toEqual([]);
    },
  );

  it("counts: C(2m, m) words for k = 1; 1, 4, 28, 232, 2092 for k = 2 (closed walks on the 4-regular tree)", () => {
    for (let m = 0; m <= 5; m++) expect(allTwoSidedDyck(1, 2 * m).length).toBe(binomial(2 * m, m));
    expect([0, 2, 4, 6, 8].map((n) => allTwoSidedDyck(2, n).length)).toEqual([1, 4, 28, 232, 2092]);
    expect(allTwoSidedDyck(2, 3)).toEqual([]);
    for (const w of allTwoSidedDyck(2, 6)) expect(isTwoSidedDyck(w, 2)).toBe(true);
  });
});
