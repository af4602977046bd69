import { match } from "ts-pattern";
import { type Affine, affineDim, combine } from "./affine.js";
import type { Feature } from "./feature.js";
import type { PositionFeature } from "../transformer/positionFeature.js";

/** Where every feature lives in the residual stream. */
export interface Allocation {
  /** The features in evaluation order. */
  readonly order: readonly Feature[];
  /** Residual width; dimension 0 is the constant 1 (the "one" position feature). */
  readonly width: number;
  /** A name per dimension. */
  readonly labels: readonly string[];
  /** The materialised features' dimensions. */
  readonly dim: ReadonlyMap<number, number>;
  /** Every feature as an affine form over dimensions: its own dimension, or (linear features) a combination. */
  readonly affine: ReadonlyMap<number, Affine>;
  /** The position features of the config, and the dimension each writes. */
  readonly positions: readonly { readonly spec: PositionFeature; readonly dim: number }[];
}

/** Local ops that are affine in their inputs, so they need no residual space of their own. */
export const isVirtual = (f: Feature): boolean => f.kind === "local" && (f.op.op === "linear" || f.op.op === "not");

/**
 * Pass 2: one residual dimension per token, position, aggregate and non-linear local feature; linear
 * features (and `not`, and `assume`, which is linear) stay virtual: an affine form over the dimensions of
 * what they combine, folded into every weight that reads them.
 */
export function allocate(order: readonly Feature[]): Allocation {
  const labels = ["one"];
  const dim = new Map<number, number>();
  const affine = new Map<number, Affine>();
  const positions: { spec: PositionFeature; dim: number }[] = [{ spec: { kind: "one" }, dim: 0 }];
  const used = new Set<string>(labels);
  const own = (f: Feature): Affine => {
    const k = labels.length;
    const label = used.has(f.name) ? `${f.name}#${f.id}` : f.name;
    used.add(label);
    labels.push(label);
    dim.set(f.id, k);
    return affineDim(k);
  };
  for (const f of order) {
    const a = match(f)
      .with({ kind: "local" }, (l) =>
        l.op.op === "linear"
          ? combine(l.op.coefs.map((c, k) => [c, affine.get(l.inputs[k].id)!] as const), l.op.bias)
          : l.op.op === "not"
            ? combine([[-1, affine.get(l.inputs[0].id)!]], 1)
            : own(f),
      )
      .with({ kind: "position" }, (p) => {
        const a = own(p);
        positions.push({ spec: p.spec, dim: dim.get(p.id)! });
        return a;
      })
      .otherwise(own);
    affine.set(f.id, a);
  }
  return { order, width: labels.length, labels, dim, affine, positions };
}
