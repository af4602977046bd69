import { describe, expect, it } from "vitest";
import { library } from "../../src/pram/library/index.js";
import { cli } from "./bufferIo.js";

describe("apmdm pram", () => {
  it("list: every library program with its declared bounds", async () => {
    const r = await cli("pram", "list");
    expect(r.code).toBe(0);
    for (const e of library) expect(r.out).toContain(e.name);
    expect(r.out).toContain("T(n) = 7 * max(1, log2(n)) + 5   P(n) = n   S(n) = 2 * n   EREW");
  });

  it("show: the header as expressions of n, or evaluated at --n, and the code", async () => {
    const symbolic = await cli("pram", "show", "prefix-sums");
    expect(symbolic.out).toContain("  steps      T(n) = 7 * max(1, log2(n)) + 5\n");
    expect(symbolic.out).toContain("  @2              STORE r0, [pid + {n}]\n");
    const at4 = await cli("pram", "show", "prefix-sums", "--n", "4");
    expect(at4.out).toContain("at n = 4: P = 4, M = 8, w = 7 bits, R = 3, T = 19, EREW");
    expect(at4.out).toContain("  @2              STORE r0, [pid + 4]\n");
  });

  it("run --json: exactly the program, n, output and meters", async () => {
    const r = await cli("pram", "run", "prefix-sums", "--input", "3,1,4,1", "--json");
    expect(JSON.parse(r.out)).toEqual({ program: "prefix-sums", n: 4, output: [3, 4, 8, 9], meters: { T: 19, P: 4, W: 76, S: 8, reads: 12, writes: 16 } });
  });

  it("run --trace: every step, what each processor read and wrote", async () => {
    const r = await cli("pram", "run", "prefix-sums", "--input", "3,1", "--trace");
    expect(r.out).toMatch(/^step 1:\n {2}p0 @0 LOAD r0, \[pid\]; read mem\[0\] = 3; r0 ← 3\n {2}p1 @0 LOAD r0, \[pid\]; read mem\[1\] = 1; r0 ← 1\nstep 2:/);
    const json = JSON.parse((await cli("pram", "run", "prefix-sums", "--input", "3,1", "--trace", "--json")).out);
    expect(json.trace).toHaveLength(json.meters.T);
  });

  it("run --mode overrides the program's conflict mode", async () => {
    const crew = await cli("pram", "run", "broadcast", "--input", "5,0,0,0", "--json");
    expect(crew.code).toBe(0);
    const strict = await cli("pram", "run", "connected-components", "--input", "0,1,1,0", "--mode", "EREW");
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/^apmdm pram run: connected-components: step \d+: EREW conflict: processors \d+ and \d+ both read address \d+\n$/);
  });
});
