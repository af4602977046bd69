import { scientific } from "../cli/costCap.js";
import type { Palette } from "../repl/palette.js";
import type { ProofReport } from "./proofReport.js";

const TITLES = { thm1: "Theorem 1", thm2: "Theorem 2", thm3: "Theorem 3", thm4: "Theorem 4", thm5: "Theorem 5", sampling: "Parallel sampling (seed 004)", maxflow: "Max-flow (Edmonds–Karp AP-MDM)", experiments: "Experiments" } as const;

/** A report as `apmdm prove` prints it: verdict, what was checked on what, constants, margins, counterexample. */
export function formatProofReport(r: ProofReport, p: Palette): string {
  const mark = (ok: boolean) => (ok ? "✓" : p.color ? p.cell("deleted", "✗") : "✗");
  const s = r.settings;
  const lines = [
    p.heading(`${TITLES[r.theorem]}: ${r.statement} — ${r.passed ? "PASSED" : "FAILED"}`),
    `  settings: --runs ${s.runs} --seed ${s.seed} --max-n ${s.maxN}${s.programs ? ` --programs ${s.programs.join(",")}` : ""}`,
    `  programs (${r.programs.length}): ${r.programs.join(", ")}`,
    `  sizes n: ${r.sizes.join(", ")}; ${r.runs} runs in all`,
    "  checks:",
    ...r.checks.map((c) => `    ${mark(c.passed)} ${c.name} (${c.cases} cases)`),
  ];
  if (r.bounds.length > 0) {
    lines.push("  fitted bounds:");
    for (const b of r.bounds) {
      const constants = b.constants.map((c) => `${c.name} = ${c.exact ?? c.value}${c.exact !== null && c.exact !== String(c.value) ? ` ≈ ${c.value}` : ""}`).join(", ");
      lines.push(`    ${mark(b.holds)} ${b.statement} with ${constants}`);
      lines.push(`        ${b.method}; ${b.points} points; worst slack ${b.worstSlack}`);
    }
  }
  if (r.margins.length > 0) {
    lines.push("  worst margins:");
    for (const m of r.margins) lines.push(`    ${m.name}: ${m.value} at ${m.where}`);
  }
  if (r.skipped !== undefined && r.skipped.length > 0) {
    const groups = new Map<string, number[]>();
    for (const d of r.skipped) groups.set(`${d.program}|${d.model}`, [...(groups.get(`${d.program}|${d.model}`) ?? []), d.n]);
    const listed = [...groups].map(([key, ns]) => `${key.split("|")[0]} n=${ns.join(", ")} (${key.split("|")[1]})`);
    lines.push(`  skipped, each over ${s.maxCost === undefined ? "the cap" : scientific(s.maxCost)} steps × context (--force runs them): ${listed.join("; ")}`);
  }
  const c = r.counterexample;
  if (c) {
    lines.push(`  counterexample (shrunk in ${c.shrinks} steps) to "${c.check}": ${c.program} n=${c.n} input ${c.input.join(",")}`);
    lines.push(`    ${c.message}`);
    lines.push(`    replay: ${c.replay}`);
  }
  return `${lines.join("\n")}\n`;
}
