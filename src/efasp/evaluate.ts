import { positionValue } from "../transformer/positionValue.js";
import { applyLocal } from "./applyLocal.js";
import { EfaspError } from "./EfaspError.js";
import type { EfaspProgram } from "./efaspProgram.js";
import type { Feature, Head, Linear } from "./feature.js";
import { topoOrder } from "./topoOrder.js";

export interface Evaluation {
  /** Each feature's value at every position, by feature id. */
  readonly values: ReadonlyMap<number, Float64Array>;
  /** The predicted token id at every position: the argmax, lowest id on a tie. */
  readonly prediction: Int32Array;
  /** Every token attaining the maximum at each position (one token for a code output). */
  readonly tied: (position: number) => number[];
  /** remask, insert, delete bits at every position (AP-MDM programs), else null. */
  readonly control: readonly [Uint8Array, Uint8Array, Uint8Array] | null;
}

/**
 * The reference semantics of E-FASP: every feature computed straight from its definition, no weights.
 * Attention is average-hard: a query averages the values of all keys whose score equals the maximum.
 * Throws an EfaspError naming the feature and position when a value leaves its declared bounds, an op's
 * domain, or an average is not an integer.
 */
export function evaluate(program: EfaspProgram, tokens: readonly number[]): Evaluation {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (!(Number.isInteger(t) && t >= 0 && t < program.vocab.length)) {
      throw new EfaspError(`${program.name}: token ${t} at position ${i} is not in the vocabulary`);
    }
  }
  const values = new Map<number, Float64Array>();
  const heads = new Map<number, Float64Array[]>();
  for (const f of topoOrder(program)) {
    let out: Float64Array;
    switch (f.kind) {
      case "token":
        out = Float64Array.from(tokens, (t) => f.table[t]);
        break;
      case "position":
        out = Float64Array.from({ length: n }, (_, i) => positionValue(f.spec, i, n));
        break;
      case "local": {
        const ins = f.inputs.map((x) => values.get(x.id)!);
        const args = new Array<number>(ins.length);
        out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < ins.length; k++) args[k] = ins[k][i];
          out[i] = applyLocal(f.op, args);
          if (Number.isNaN(out[i])) {
            throw new EfaspError(`${f.name} (${f.op.op}): inputs ${args.join(", ")} at position ${i} are outside its domain`);
          }
        }
        break;
      }
      case "aggregate": {
        let slots = heads.get(f.head.id);
        if (!slots) {
          slots = attendAll(f.head, values, n, program.causal);
          heads.set(f.head.id, slots);
        }
        out = slots[f.slot];
        break;
      }
    }
    checkBounds(f, out);
    values.set(f.id, out);
  }
  const { prediction, tied } = predict(program, values, n);
  const control = program.control
    ? (program.control.map((c) => Uint8Array.from(values.get(c.id)!)) as [Uint8Array, Uint8Array, Uint8Array])
    : null;
  return { values, prediction, tied, control };
}

function predict(program: EfaspProgram, values: ReadonlyMap<number, Float64Array>, n: number) {
  const V = program.vocab.length;
  if (program.output.kind === "code") {
    const s = values.get(program.output.feature.id)!;
    for (let i = 0; i < n; i++) {
      if (!(s[i] >= 0 && s[i] < V)) throw new EfaspError(`${program.name}: output ${s[i]} at position ${i} is not a token id`);
    }
    const prediction = Int32Array.from(s);
    return { prediction, tied: (i: number) => [prediction[i]] };
  }
  if (program.output.features.length !== V) {
    throw new EfaspError(`${program.name}: ${program.output.features.length} score features for ${V} tokens`);
  }
  const scores = program.output.features.map((f) => values.get(f.id)!);
  const tied = (i: number): number[] => {
    let best = -Infinity;
    let out: number[] = [];
    for (let v = 0; v < V; v++) {
      const s = scores[v][i];
      if (s > best) {
        best = s;
        out = [v];
      } else if (s === best) out.push(v);
    }
    return out;
  };
  const prediction = Int32Array.from({ length: n }, (_, i) => tied(i)[0]);
  return { prediction, tied };
}

function checkBounds(f: Feature, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (!(v >= f.lo && v <= f.hi && Number.isInteger(v))) {
      throw new EfaspError(`${f.name}: value ${v} at position ${i} is outside its declared bounds [${f.lo}, ${f.hi}]`);
    }
  }
}

function linearAt(x: Linear, values: ReadonlyMap<number, Float64Array>, i: number): number {
  let s = x.bias;
  for (const [c, f] of x.terms) s += c * values.get(f.id)![i];
  return s;
}

/** Average-hard attention straight from the definition; keys in increasing order, ties by exact equality. */
function attendAll(head: Head, values: ReadonlyMap<number, Float64Array>, n: number, causal: boolean): Float64Array[] {
  const T = head.score.length;
  const q = head.score.map((t) => Float64Array.from({ length: n }, (_, i) => linearAt(t.q, values, i)));
  const k = head.score.map((t) => Float64Array.from({ length: n }, (_, j) => linearAt(t.k, values, j)));
  const vals = head.values.map((v) => values.get(v.id)!);
  const out = head.values.map(() => new Float64Array(n));
  const winners: number[] = [];
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    winners.length = 0;
    const last = causal ? i : n - 1;
    for (let j = 0; j <= last; j++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += q[t][i] * k[t][j];
      if (s > best) {
        best = s;
        winners.length = 0;
        winners.push(j);
      } else if (s === best) winners.push(j);
    }
    for (let v = 0; v < vals.length; v++) {
      let sum = 0;
      for (const j of winners) sum += vals[v][j];
      const mean = sum / winners.length;
      if (!Number.isInteger(mean)) {
        throw new EfaspError(
          `head ${head.name}: at position ${i} the ${winners.length} tied keys average ${head.values[v].name} to ${mean}, not an integer`,
        );
      }
      out[v][i] = mean;
    }
  }
  return out;
}
