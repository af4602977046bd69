import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { formatProofReport } from "../../src/proofs/formatProofReport.js";
import type { ProofReport } from "../../src/proofs/proofReport.js";
import { palette } from "../../src/repl/palette.js";
import { bufferIo } from "./bufferIo.js";

const failing: ProofReport = {
  theorem: "thm1",
  statement: "MDM decoding simulates any PRAM program in O(T(n)) steps",
  passed: false,
  settings: { runs: 5, seed: 7, maxN: 8 },
  checks: [
    { name: "MDM output = PRAM output", passed: false, cases: 12 },
    { name: "depth constant in n", passed: true, cases: 3 },
  ],
  programs: ["prefix-sums", "max"],
  sizes: [2, 4, 8],
  runs: 15,
  bounds: [
    {
      statement: "steps ≤ c1·T(n) + c0",
      constants: [
        { name: "c1", value: 1, exact: "1" },
        { name: "c0", value: 1 / 3, exact: "1/3" },
      ],
      method: "least squares, c0 raised to the worst point",
      points: 15,
      holds: true,
      worstSlack: 0,
    },
  ],
  margins: [{ name: "attention score gap", value: 1, where: "max n=8 step 2 layer 1 head 0 query 9" }],
  counterexample: { check: "MDM output = PRAM output", program: "max", n: 2, input: [0, 1], message: "output 0 ≠ PRAM 1", shrinks: 4, replay: "apmdm mdm run max --input 0,1" },
};

describe("apmdm prove", () => {
  it("formats a report: verdict, checks, fitted constants (exact and float), margins, shrunk counterexample with replay", () => {
    expect(formatProofReport(failing, palette(false))).toBe(
      [
        "Theorem 1: MDM decoding simulates any PRAM program in O(T(n)) steps — FAILED",
        "  settings: --runs 5 --seed 7 --max-n 8",
        "  programs (2): prefix-sums, max",
        "  sizes n: 2, 4, 8; 15 runs in all",
        "  checks:",
        "    ✗ MDM output = PRAM output (12 cases)",
        "    ✓ depth constant in n (3 cases)",
        "  fitted bounds:",
        `    ✓ steps ≤ c1·T(n) + c0 with c1 = 1, c0 = 1/3 ≈ ${1 / 3}`,
        "        least squares, c0 raised to the worst point; 15 points; worst slack 0",
        "  worst margins:",
        "    attention score gap: 1 at max n=8 step 2 layer 1 head 0 query 9",
        '  counterexample (shrunk in 4 steps) to "MDM output = PRAM output": max n=2 input 0,1',
        "    output 0 ≠ PRAM 1",
        "    replay: apmdm mdm run max --input 0,1",
        "",
      ].join("\n"),
    );
  });

  it("lists the decodes skipped over the cost cap, grouped by program and process", () => {
    const skipped = [
      { program: "insertion-sort", n: 16, model: "mdm", cost: 7.3e6 },
      { program: "insertion-sort", n: 32, model: "mdm", cost: 1.1e8 },
      { program: "connected-components", n: 4, model: "arm", cost: 2.8e6 },
    ] as const;
    const text = formatProofReport({ ...failing, counterexample: null, settings: { ...failing.settings, maxCost: 1.5e6 }, skipped }, palette(false));
    expect(text.split("\n").at(-2)).toBe("  skipped, each over 1.5e6 steps × context (--force runs them): insertion-sort n=16, 32 (mdm); connected-components n=4 (arm)");
    expect(formatProofReport({ ...failing, skipped: [] }, palette(false))).toBe(formatProofReport(failing, palette(false)));
  });

  it("rejects an unknown theorem and bad numbers with one line", async () => {
    for (const [argv, message] of [
      [["prove", "thm9"], "apmdm prove: unknown theorem 'thm9' (all, thm1, thm2, thm3, thm4, thm5, sampling, maxflow, experiments)\n"],
      [["prove", "--runs", "0"], "apmdm prove: --runs must be an integer ≥ 1, got '0'\n"],
      [["prove", "thm4", "--engine", "sparse"], "apmdm prove: --engine must be one of incremental, full, dense, got 'sparse'\n"],
    ] as const) {
      const io = bufferIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr()).toBe(message);
      expect(io.stdout()).toBe("");
    }
  });

  it("--engine full and dense (the references) report what the incremental default reports, margins included", async () => {
    const report = async (...extra: string[]) => {
      const io = bufferIo();
      expect(await runCli(["prove", "thm4", "--max-n", "2", "--runs", "1", "--programs", "prefix-sums", "--json", ...extra], io)).toBe(0);
      return JSON.parse(io.stdout()) as ProofReport[];
    };
    const incremental = await report();
    for (const engine of ["full", "dense"]) {
      const [r] = await report("--engine", engine);
      expect(r.settings.engine).toBe(engine);
      expect({ ...r, settings: { ...r.settings, engine: undefined } }).toEqual({ ...incremental[0], settings: { ...incremental[0].settings, engine: undefined } });
    }
  });
});
