import { decodeApMdm, type ApMdmDecode } from "../decodeApMdm.js";
import type { Predictor } from "../../mdm/predictor.js";
import { evaluatorPredictor } from "../../mdm/evaluatorPredictor.js";
import type { FlowGraph } from "./flowGraph.js";
import { type MaxflowConstruction, maxflowProgram } from "./maxflowProgram.js";
import type { MaxflowVocabulary } from "./maxflowVocabulary.js";

export interface MaxflowRun {
  readonly value: number;
  /** The edges the decode deleted (the min cut: u reached from s in the last residual search, v not). */
  readonly cut: readonly (readonly [number, number])[];
  /** The flow on every edge, in the graph's order (a deleted cut edge is saturated: 1). */
  readonly flow: readonly (0 | 1)[];
  readonly decode: ApMdmDecode;
}

/** The prompt: s t, then u v 0 per edge, then $. */
export function maxflowCanvas(vocab: MaxflowVocabulary, g: FlowGraph): Int32Array {
  return Int32Array.from([vocab.source(g.source), vocab.target(g.target), ...g.edges.flatMap(([u, v]) => [vocab.node(u), vocab.node(v), vocab.bit(0)]), vocab.end]);
}

/**
 * A step cap no correct decode reaches: each augmenting phase takes 3d + 3 steps for a path of d ≤ n − 1
 * edges, there are at most n − 1 of them, and the last search takes 2(n − 1) + 3 (docs/maxflow.md).
 */
export const maxflowStepCap = (nodes: number): number => (nodes - 1) * (3 * (nodes - 1) + 3) + 2 * (nodes - 1) + 3;

/** Max-flow by the Edmonds–Karp AP-MDM (maxflowProgram), over the E-FASP evaluator unless a predictor (compiled weights) is given. */
export function solveMaxflow(g: FlowGraph, options: { construction?: MaxflowConstruction; predictor?: Predictor; trace?: boolean } = {}): MaxflowRun {
  const c = options.construction ?? maxflowProgram(g.nodes, g.edges.length);
  const predictor = options.predictor ?? evaluatorPredictor(c.program);
  const decode = decodeApMdm(predictor, maxflowCanvas(c.vocab, g), { maxSteps: maxflowStepCap(g.nodes), trace: options.trace });
  return { ...readAnswer(c.vocab, g, decode.canvas), decode };
}

/** Reads the final canvas `s t +^k (u v f)* $ =k`; anything else is a bug in the construction. */
function readAnswer(vocab: MaxflowVocabulary, g: FlowGraph, canvas: Int32Array): Omit<MaxflowRun, "decode"> {
  const tokens = Array.from(canvas);
  const bad = (why: string) => new Error(`max-flow decode ended on a malformed canvas (${why}): ${tokens.map((t) => vocab.names[t]).join(" ")}`);
  const last = tokens.length - 1;
  const value = tokens[last] - vocab.answer(0);
  if (tokens[last - 1] !== vocab.end || value < 0 || value > g.nodes) throw bad("no =k after $");
  if (tokens.slice(2, 2 + value).some((t) => t !== vocab.plus)) throw bad(`the tally is not ${value} × +`);
  const kept = new Map<string, 0 | 1>();
  const records = tokens.slice(2 + value, last - 1);
  if (records.length % 3 !== 0) throw bad("edge records are not u v f");
  for (let i = 0; i < records.length; i += 3) {
    const [u, v, f] = [records[i] - vocab.node(0), records[i + 1] - vocab.node(0), records[i + 2] - vocab.bit(0)];
    if (f !== 0 && f !== 1) throw bad(`record ${i / 3} has no flow bit`);
    kept.set(`${u},${v}`, f);
  }
  const flow = g.edges.map(([u, v]) => kept.get(`${u},${v}`) ?? 1);
  const cut = g.edges.filter(([u, v]) => !kept.has(`${u},${v}`));
  return { value, cut, flow };
}
