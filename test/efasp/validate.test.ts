import { describe, expect, it } from "vitest";
import { attend, bonus, lin, term } from "../../src/efasp/attend.js";
import { compile } from "../../src/efasp/compile.js";
import { EfaspError } from "../../src/efasp/EfaspError.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import type { Feature } from "../../src/efasp/feature.js";
import { assume, compare, constant, linear, lookup, scale } from "../../src/efasp/local.js";
import { token } from "../../src/efasp/sources.js";
import { UserError } from "../../src/errors.js";
import { firstDisagreement } from "./agreement.js";

const V = 32;
const vocab = Array.from({ length: V }, (_, t) => `t${t}`);
const x = token("x", Array.from({ length: V }, (_, t) => t));
const program = (out: Feature, extra: Partial<EfaspProgram> = {}): EfaspProgram => ({
  name: "p", vocab, maskToken: 0, output: { kind: "code", feature: out }, control: null, causal: false, ...extra,
});
/** A bit that reads f, so f is part of the program. */
const reads = (f: Feature) => compare("out", "ge", f, constant(0));
const rejects = (p: EfaspProgram, reason: RegExp) => {
  expect(() => compile(p)).toThrow(EfaspError);
  expect(() => compile(p)).toThrow(reason);
};

describe("validate rejects, with a reason, what cannot compile exactly", () => {
  it("a lookup whose hinge sum passes 2^53 though every table value is below 2^49 (it used to miscompile)", () => {
    const big = 2 ** 49 - 1;
    const table = Array.from({ length: V }, (_, k) => (k % 2 ? big : 0) + k);
    rejects(program(reads(lookup("l", x, table))), /MLP sum of l \(lookup\) could reach .* beyond 2\^53/);
    // The same table with small values compiles and agrees with the evaluator on every input.
    const small = lookup("l", x, table.map((v) => v % 1000));
    expect(firstDisagreement(program(reads(small)), Array.from({ length: V }, (_, t) => t))).toBeNull();
  });

  it("a virtual feature whose flattened form adds large terms, though assume() narrowed its bounds", () => {
    const y = token("y", Array.from({ length: V }, (_, t) => t));
    const d = assume("d", linear("x-y", [[2 ** 46, x], [-(2 ** 46), y]]), 0, 0);
    rejects(program(reads(scale("e", 64, d))), /feature e \[0, 0\] could reach/);
  });

  it("a head whose scores or value sums could pass 2^53", () => {
    const big = token("big", Array.from({ length: V }, (_, t) => t * 2 ** 29));
    const [s] = attend("h", [term(lin([2 ** 20, big]), lin([1, big]))], [x]);
    rejects(program(reads(s)), /a score of head h could reach/);
    const [v] = attend("h2", [bonus(1, x)], [big]);
    rejects(program(reads(v)), /the sum of 1048576 values big of head h2/);
  });

  it("structural mismatches: token table length, mask token, output size and range, control bits", () => {
    rejects(program(reads(token("short", [1, 2]))), /table of 2 values for 32 tokens/);
    rejects(program(reads(x), { maskToken: V }), /mask token 32 is not a token id/);
    rejects(program(linear("x+1", [[1, x]], 1)), /outside the token ids 0\.\.31/);
    rejects({ ...program(x), output: { kind: "scores", features: [x, x] } }, /2 score features for 32 tokens/);
    rejects(program(x, { control: [x, reads(x), reads(x)] }), /control x has bounds \[0, 31\], not a bit/);
  });

  it("is a UserError with the 'efasp' code, one line naming the program", () => {
    try {
      compile(program(reads(token("short", [1]))));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).code).toBe("efasp");
      expect((e as UserError).message).toMatch(/^cannot compile p: [^\n]+$/);
    }
  });
});
