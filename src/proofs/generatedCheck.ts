import fc from "fast-check";
import { arbitraryInstance } from "../pram/arbitraryInstance.js";
import type { Counterexample, ProofCheck, ProofSettings } from "./proofReport.js";
import { decodeOutcome, pramOutcome } from "./simulationOutcome.js";

/** Generated programs per run of the library sweep: they are small (P ≤ 4, T ≤ 12), so ten cost about one library case. */
const PER_RUN = 10;

/** The outcome of a generated-programs check: plain data (a worker thread can send it back). */
export interface GeneratedCheck {
  readonly check: ProofCheck;
  readonly counterexample: Counterexample | null;
}

/**
 * A simulation theorem on generated programs (src/pram/arbitraryInstance.ts: every instruction, every
 * conflict mode, loops, and every way a run can fail): 10·runs random instances with in-range inputs,
 * seeded, decoded over compiled weights, must end as the interpreter's run does — the same output, or the
 * same kind of error. A failure is shrunk by fast-check and reported with the instance's shape.
 */
export function generatedCheck(settings: Pick<ProofSettings, "runs" | "seed" | "engine">, model: "mdm" | "ap-mdm", theorem: string): GeneratedCheck {
  const cases = fc.tuple(arbitraryInstance, fc.nat()).map(([instance, seed]) => {
    const span = instance.inputMax - instance.inputMin + 1;
    const input = Array.from({ length: instance.n }, (_, i) => instance.inputMin + ((seed + 7 * i) % span));
    return { instance, input };
  });
  const name = `${model} on generated programs: the interpreter's output, or its error`;
  const result = fc.check(
    fc.property(cases, ({ instance, input }) => {
      const want = pramOutcome(instance, input);
      const got = decodeOutcome(instance, input, model, settings.engine);
      if (got !== want) throw new Error(`decode ${got} ≠ PRAM ${want}`);
    }),
    { numRuns: PER_RUN * settings.runs, seed: settings.seed },
  );
  const failed = result.failed ? result.counterexample?.[0] : undefined;
  const counterexample: Counterexample | null = failed
    ? {
        check: name,
        program: `generated (P=${failed.instance.processors}, M=${failed.instance.memory}, ${failed.instance.code.length} instructions, ${failed.instance.mode})`,
        n: failed.instance.n,
        input: failed.input,
        message: result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance),
        shrinks: result.numShrinks,
        replay: `apmdm prove ${theorem} --runs ${settings.runs} --seed ${settings.seed}`,
      }
    : null;
  return { check: { name, passed: !result.failed, cases: result.numRuns }, counterexample };
}
