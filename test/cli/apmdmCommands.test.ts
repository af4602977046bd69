import { describe, expect, it } from "vitest";
import { cli } from "./bufferIo.js";

describe("apmdm dyck sample", () => {
  it("prints a seeded two-sided Dyck-k word, its check and its meters", async () => {
    const r = await cli("dyck", "sample", "--k", "2", "--length", "6", "--seed", "4");
    expect(r).toEqual({
      code: 0,
      out: "abBAbB\n  two-sided Dyck-2, length 6, seed 4: reduces to ε (valid)\n  15 steps, peak context 8, final 6; edits: 9 unmask, 4 remask, 9 insert, 4 delete\n",
      err: "",
    });
  });

  it("emits JSON with the trace on request; the same seed gives the same word", async () => {
    const a = JSON.parse((await cli("dyck", "sample", "--k", "3", "--length", "8", "--seed", "9", "--json", "--trace")).out);
    const b = JSON.parse((await cli("dyck", "sample", "--k", "3", "--length", "8", "--seed", "9", "--json")).out);
    expect(a.word).toBe(b.word);
    expect(a).toMatchObject({ k: 3, length: 8, seed: 9, valid: true, meters: { steps: 19, peakContext: 10, finalContext: 8 } });
    expect(a.letters).toHaveLength(8);
    expect(a.canvases[0]).toBe("^");
    expect(a.canvases.at(-1)).toBe(a.word.split("").join(" "));
    expect(b.canvases).toBeUndefined();
    expect(a.backend).toBe("weights");
    expect(a.meters.flops).toBeGreaterThan(0);
    const e = JSON.parse((await cli("dyck", "sample", "--k", "3", "--length", "8", "--seed", "9", "--json", "--trace", "--backend", "evaluator")).out);
    expect(e).toEqual({ ...a, backend: "evaluator", meters: { ...a.meters, flops: 0, work: 0, fullPasses: 0 } });
  });

  it("prints ε for length 0", async () => {
    expect((await cli("dyck", "sample", "--length", "0")).out.split("\n")[0]).toBe("ε");
  });

  it("rejects bad arguments with one line", async () => {
    for (const [argv, message] of [
      [["dyck", "sample", "--length", "7"], "apmdm dyck sample: the target length must be an even integer ≥ 0 (a two-sided Dyck word has even length), got 7\n"],
      [["dyck", "sample", "--k", "0"], "apmdm dyck sample: --k must be an integer ≥ 1, got '0'\n"],
      [["dyck", "sample", "--k", "27"], "apmdm dyck sample: k must be an integer in 1 … 26, got 27\n"],
      [["dyck", "sample", "--seed", "x"], "apmdm dyck sample: --seed must be an integer ≥ 0, got 'x'\n"],
      [["dyck", "sample", "extra"], "apmdm dyck sample: unexpected argument 'extra'\n"],
      [["dyck", "sample", "--backend", "gpu"], "apmdm dyck sample: --backend must be one of weights, evaluator, got 'gpu'\n"],
      [["dyck", "sample", "--bogus"], "apmdm dyck sample: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"\n"],
    ] as const) {
      expect(await cli(...argv)).toEqual({ code: 2, out: "", err: message });
    }
  });
});

describe("apmdm parity", () => {
  it("prints the parity and the meters, and the canvases with --trace", async () => {
    expect(await cli("parity", "1011")).toEqual({
      code: 0,
      out: "parity of 1011 (4 bits): 1\n  5 steps, peak context 4, final 1; edits: 1 unmask, 4 remask, 0 insert, 3 delete\n",
      err: "",
    });
    const traced = await cli("parity", "1011011", "--trace");
    expect(traced.out.split("\n").slice(0, 8)).toEqual(["   0  1011011", "   1  1MMMM11", "   2  1011", "   3  1MMM", "   4  10", "   5  1M", "   6  1", "   7  1"]);
  });

  it("emits JSON; decodes over the compiled weights, and over the evaluator with --backend evaluator, to the same canvases", async () => {
    const r = JSON.parse((await cli("parity", "110", "--json", "--trace")).out);
    expect(r).toMatchObject({ bits: "110", parity: 0, backend: "weights", meters: { steps: 5, peakContext: 3, finalContext: 1, unmasked: 1, remasked: 3, inserted: 0, deleted: 2 } });
    expect(r.meters.flops).toBeGreaterThan(0);
    const e = JSON.parse((await cli("parity", "110", "--json", "--trace", "--backend", "evaluator")).out);
    expect(e).toEqual({ ...r, backend: "evaluator", meters: { ...r.meters, flops: 0, work: 0, fullPasses: 0 } });
  });

  it("rejects a missing, empty or non-binary string with one line", async () => {
    for (const [argv, message] of [
      [["parity"], "apmdm parity: give a bit string, e.g. 'apmdm parity 1011'\n"],
      [["parity", "10a1"], "apmdm parity: '10a1' is not a bit string (only 0 and 1)\n"],
      [["parity", ""], "apmdm parity: '' is not a bit string (only 0 and 1)\n"],
      [["parity", "10", "11"], "apmdm parity: unexpected argument '11'\n"],
    ] as const) {
      expect(await cli(...argv)).toEqual({ code: 2, out: "", err: message });
    }
  });
});
