import type fc from "fast-check";
import type { Counterexample } from "./proofReport.js";

/**
 * A failed fast-check run over one program's inputs as a report's counterexample: the shrunk input, the
 * failure's message (fast-check's own when the property returned false), the shrink count, and the command
 * that replays it (given the input).
 */
export function counterexampleOf(
  result: fc.RunDetails<[number[]]>,
  where: { readonly check: string; readonly program: string; readonly n: number },
  replay: (input: readonly number[]) => string,
): Counterexample {
  const input = result.counterexample?.[0] ?? [];
  return {
    ...where,
    input,
    message: result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance),
    shrinks: result.numShrinks,
    replay: replay(input),
  };
}
