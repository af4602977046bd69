import type { Feature, Head, LocalFeature } from "./feature.js";
import { dependencies } from "./topoOrder.js";
import { isVirtual } from "./allocate.js";

/** Which layer computes what. Layer ℓ (0-based) has an attention sublayer, then an MLP sublayer. */
export interface Schedule {
  readonly layers: number;
  /** The heads of each layer's attention sublayer. */
  readonly heads: readonly Head[][];
  /** The non-linear local features each layer's MLP computes. */
  readonly mlp: readonly LocalFeature[][];
}

/**
 * Pass 3, as soon as possible: the stage of a feature is 0 for token and position features (the
 * embedding), and layer ℓ's attention is stage 2ℓ + 1, its MLP stage 2ℓ + 2. A head runs at the first
 * attention stage after every feature its scores and values read; a non-linear local op at the first MLP
 * stage after its inputs (so it may read what the same layer's attention just wrote); a virtual (linear)
 * feature is ready with its latest input. The depth is the last stage used, rounded up to a layer.
 */
export function schedule(order: readonly Feature[]): Schedule {
  const stage = new Map<number, number>();
  const headStage = new Map<number, number>();
  const ready = (fs: readonly Feature[]) => fs.reduce((s, x) => Math.max(s, stage.get(x.id)!), 0);
  const heads: Head[][] = [];
  const mlp: LocalFeature[][] = [];
  const at = <T>(lists: T[][], layer: number): T[] => {
    while (lists.length <= layer) lists.push([]);
    return lists[layer];
  };
  for (const f of order) {
    let s: number;
    if (f.kind === "token" || f.kind === "position") s = 0;
    else if (f.kind === "aggregate") {
      const known = headStage.get(f.head.id);
      if (known === undefined) {
        const r = ready(dependencies(f));
        s = r % 2 === 0 ? r + 1 : r + 2;
        headStage.set(f.head.id, s);
        at(heads, (s - 1) / 2).push(f.head);
      } else s = known;
    } else if (isVirtual(f)) s = ready(f.inputs);
    else {
      const r = ready(f.inputs);
      s = r % 2 === 1 ? r + 1 : r + 2;
      at(mlp, s / 2 - 1).push(f);
    }
    stage.set(f.id, s);
  }
  const layers = Math.max(heads.length, mlp.length);
  while (heads.length < layers) heads.push([]);
  while (mlp.length < layers) mlp.push([]);
  return { layers, heads, mlp };
}
