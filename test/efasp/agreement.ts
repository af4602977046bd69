import { type Compiled, compile } from "../../src/efasp/compile.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import { evaluate } from "../../src/efasp/evaluate.js";
import { forward } from "../../src/transformer/forward.js";

/**
 * The first disagreement between the evaluator and the compiled weights on a token sequence, feature by
 * feature (each read off the final residual stream: its dimension, or its affine form), then in the
 * predictions; null when they agree everywhere.
 */
export function firstDisagreement(program: EfaspProgram, tokens: readonly number[], compiled: Compiled = compile(program)): string | null {
  const reference = evaluate(program, tokens);
  const r = forward(compiled.model, Int32Array.from(tokens), { capture: true });
  const x = r.capture!.residual[r.capture!.residual.length - 1];
  const d = compiled.model.config.dModel;
  for (const f of compiled.layout.order) {
    const a = compiled.layout.affine.get(f.id)!;
    const want = reference.values.get(f.id)!;
    for (let i = 0; i < tokens.length; i++) {
      let got = a.bias;
      for (const [dim, w] of a.terms) got += w * x[i * d + dim];
      if (got !== want[i]) return `feature ${f.name} (${f.kind}) at position ${i}: evaluator ${want[i]}, weights ${got}`;
    }
  }
  const V = program.vocab.length;
  for (let i = 0; i < tokens.length; i++) {
    let best = 0;
    for (let v = 1; v < V; v++) if (r.tokenLogits[i * V + v] > r.tokenLogits[i * V + best]) best = v;
    if (best !== reference.prediction[i]) return `prediction at position ${i}: evaluator ${reference.prediction[i]}, weights ${best}`;
    if (reference.control) {
      for (let k = 0; k < 3; k++) {
        const bit = r.controlLogits![i * 3 + k] > 0 ? 1 : 0;
        if (bit !== reference.control[k][i]) return `control bit ${k} at position ${i}: evaluator ${reference.control[k][i]}, weights ${bit}`;
      }
    }
  }
  return null;
}
