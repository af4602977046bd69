import { type Compiled, compile } from "../../src/efasp/compile.js";
import type { EfaspProgram } from "../../src/efasp/efaspProgram.js";
import { evaluate } from "../../src/efasp/evaluate.js";
import type { Feature } from "../../src/efasp/feature.js";
import { forward } from "../../src/transformer/forward.js";

/**
 * The first disagreement between the evaluator and the compiled weights on a token sequence; null when
 * they agree everywhere. Feature by feature, read off the captured residual stream: a feature with its
 * own dimension must read 0 there before the layer that computes it (the embedding: snapshot 0) and its
 * exact value right after that layer and at the end; a virtual feature's affine form must give its value
 * at the end. Then the predictions: the argmax (lowest id on a tie), every tied id, the control bits.
 */
export function firstDisagreement(program: EfaspProgram, tokens: readonly number[], compiled: Compiled = compile(program)): string | null {
  const reference = evaluate(program, tokens);
  const r = forward(compiled.model, Int32Array.from(tokens), { capture: true });
  const residual = r.capture!.residual;
  const d = compiled.model.config.dModel;
  const n = tokens.length;
  const layerOf = computedIn(compiled);
  const read = (snapshot: number, f: Feature, i: number) => {
    const a = compiled.layout.affine.get(f.id)!;
    let got = a.bias;
    for (const [dim, w] of a.terms) got += w * residual[snapshot][i * d + dim];
    return got;
  };
  for (const f of compiled.layout.order) {
    const want = reference.values.get(f.id)!;
    const at = compiled.layout.dim.has(f.id) ? (layerOf.get(f.id) ?? -1) + 1 : residual.length - 1;
    for (let i = 0; i < n; i++) {
      const where = `feature ${f.name} (${f.kind}${f.kind === "local" ? ` ${f.op.op}` : ""}) at position ${i}`;
      if (at > 0 && compiled.layout.dim.has(f.id) && read(at - 1, f, i) !== 0) return `${where}: dimension written before layer ${at - 1}`;
      for (const snapshot of new Set([at, residual.length - 1])) {
        const got = read(snapshot, f, i);
        if (got !== want[i]) return `${where}, residual ${snapshot}: evaluator ${want[i]}, weights ${got}`;
      }
    }
  }
  const V = program.vocab.length;
  for (let i = 0; i < n; i++) {
    const logits = r.tokenLogits.subarray(i * V, (i + 1) * V);
    const top = Math.max(...logits);
    const tied = [...logits.keys()].filter((v) => logits[v] === top);
    const want = reference.tied(i);
    if (tied[0] !== reference.prediction[i]) return `prediction at position ${i}: evaluator ${reference.prediction[i]}, weights ${tied[0]}`;
    if (tied.join() !== want.join()) return `tied tokens at position ${i}: evaluator ${want.join(",")}, weights ${tied.join(",")}`;
    if (reference.control) {
      for (let k = 0; k < 3; k++) {
        const bit = r.controlLogits![i * 3 + k] > 0 ? 1 : 0;
        if (bit !== reference.control[k][i]) return `control bit ${k} at position ${i}: evaluator ${reference.control[k][i]}, weights ${bit}`;
      }
    }
  }
  return null;
}

/** The layer that computes each aggregate and non-linear local feature (absent: the embedding). */
function computedIn(compiled: Compiled): Map<number, number> {
  const layer = new Map<number, number>();
  const headLayer = new Map<number, number>();
  compiled.schedule.heads.forEach((hs, l) => hs.forEach((h) => headLayer.set(h.id, l)));
  compiled.schedule.mlp.forEach((fs, l) => fs.forEach((f) => layer.set(f.id, l)));
  for (const f of compiled.layout.order) if (f.kind === "aggregate") layer.set(f.id, headLayer.get(f.head.id)!);
  return layer;
}
