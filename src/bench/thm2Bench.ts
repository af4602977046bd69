import { instantiate } from "../pram/instantiate.js";
import { parseProgram } from "../pram/parseProgram.js";
import { runPram } from "../pram/runPram.js";
import { THM2_MAX_STEPS, thm2LibraryCases } from "../proofs/thm2.js";
import { compileThm2, type Thm2Program } from "../thm2/compileThm2.js";
import { modelDecode } from "../thm2/runThm2.js";
import type { Benchmark } from "./benchmark.js";

/** The sizes `apmdm prove thm2` sweeps by default. */
const MAX_N = 4;

/** One compiled program's PRAM run: its meters, final canvas (after status, passes, divisions) and seconds. */
function timedRun(program: Thm2Program) {
  const instance = instantiate(parseProgram(program.source, "thm2.pram"), program.input.length);
  const t0 = performance.now();
  const run = runPram(instance, program.input);
  return { meters: run.meters, canvas: run.output.slice(3), seconds: (performance.now() - t0) / 1000 };
}

/**
 * Theorem 2 on the Theorem 1 models `apmdm prove thm2` covers (every library program at n ≤ 4 whose
 * program declares at most THM2_MAX_STEPS steps; one generated input, seed 5): per model the context S,
 * the forward passes, the word width, T (= W: one processor), the memory cells S_mem, T / S³ and
 * T / (passes·S²), the seconds to compile and to run the program on the interpreter (one core), and the
 * same run with the ISA's DIV for the tie averages instead of long division (docs/theorem2.md). Every
 * run's canvas is checked against the model's own decode. The models it leaves out are listed with
 * their declared bound.
 */
export const thm2Bench: Benchmark = {
  name: "thm2: Theorem 1 models decoded by one PRAM processor (T, W, S, T/S³, seconds; long division vs DIV)",
  async run() {
    const lines: string[] = [];
    let steps = 0;
    let seconds = 0;
    for (const c of thm2LibraryCases({ runs: 1, seed: 5, maxN: MAX_N })) {
      const t0 = performance.now();
      const long = compileThm2(c.model, c.canvas, "long");
      const compileSeconds = (performance.now() - t0) / 1000;
      const S = c.canvas.length;
      const name = `${c.program} n=${c.n}`.padEnd(24);
      if (long.stepBound > THM2_MAX_STEPS) {
        lines.push(`${name} S=${S}: left out, its program declares ${long.stepBound.toExponential(2)} steps (> ${THM2_MAX_STEPS.toExponential(1)}); run it with apmdm thm2`);
        continue;
      }
      const div = compileThm2(c.model, c.canvas, "div");
      const [a, b] = [long, div].map(timedRun);
      const own = modelDecode(c.model, c.canvas).canvas;
      const same = a.canvas.every((t, i) => t === own[i]) && b.canvas.every((t, i) => t === own[i]);
      const { T, W, S: cells } = a.meters;
      const passes = long.meter.passes;
      steps += T + b.meters.T;
      seconds += a.seconds + b.seconds;
      lines.push(
        `${name} S=${String(S).padStart(3)} passes=${String(passes).padStart(2)} w=${long.wordBits}: T = W = ${T.toExponential(3)}, S_mem = ${cells}, ` +
          `T/S³ = ${(T / S ** 3).toFixed(1)}, T/(passes·S²) = ${(T / (passes * S ** 2)).toFixed(0)}; compile ${compileSeconds.toFixed(1)} s, run ${a.seconds.toFixed(1)} s; ` +
          `with DIV: T = ${b.meters.T.toExponential(3)} (${(((a.meters.T - b.meters.T) / a.meters.T) * 100).toFixed(2)}% fewer, ${long.meter.divisions} divisions), run ${b.seconds.toFixed(1)} s${same ? "" : "  MISMATCH with the model's decode"}`,
      );
    }
    lines.push(`interpreter: ${(steps / seconds / 1e6).toFixed(1)} M steps/s over these runs`);
    return lines;
  },
};
