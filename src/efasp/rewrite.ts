import { attend } from "./attend.js";
import type { EfaspOutput, EfaspProgram } from "./efaspProgram.js";
import type { Feature, Head, Linear, ScoreTerm } from "./feature.js";
import { nextId } from "./nextId.js";
import { topoOrder } from "./topoOrder.js";

/** How to rebuild a program: replace its leaves, and add score terms to every head. */
export interface Rewrite {
  /** A replacement for a token feature (built from features of the new program), or the feature itself. */
  readonly token: (f: Feature & { kind: "token" }) => Feature;
  /** Likewise for a position feature. */
  readonly position: (f: Feature & { kind: "position" }) => Feature;
  /** Extra score terms for a head (e.g. a penalty that hides some keys), given the head's rebuilt terms. */
  readonly extraScore: (head: Head, rebuilt: readonly ScoreTerm[]) => readonly ScoreTerm[];
}

/**
 * The same program with its leaves and heads rewritten: every feature is rebuilt bottom-up, so a
 * replaced leaf flows through every local op and head that reads it. Local ops keep their declared
 * bounds, so a replacement must stay within the bounds of the leaf it replaces. Returns the rebuilt program and a map from old feature ids
 * to their rebuilt features.
 */
export function rewrite(program: EfaspProgram, how: Rewrite): { program: EfaspProgram; rebuilt: Map<number, Feature> } {
  const rebuilt = new Map<number, Feature>();
  const heads = new Map<number, Feature[]>();
  const get = (f: Feature) => rebuilt.get(f.id)!;
  const linear = (x: Linear): Linear => ({ terms: x.terms.map(([c, f]) => [c, get(f)] as const), bias: x.bias });
  for (const f of topoOrder(program)) {
    switch (f.kind) {
      case "token":
        rebuilt.set(f.id, how.token(f));
        break;
      case "position":
        rebuilt.set(f.id, how.position(f));
        break;
      case "local":
        rebuilt.set(f.id, { ...f, id: nextId(), inputs: f.inputs.map(get) });
        break;
      case "aggregate": {
        let slots = heads.get(f.head.id);
        if (!slots) {
          const score = f.head.score.map((t) => ({ q: linear(t.q), k: linear(t.k) }));
          slots = attend(f.head.name, [...score, ...how.extraScore(f.head, score)], f.head.values.map(get));
          heads.set(f.head.id, slots);
        }
        rebuilt.set(f.id, slots[f.slot]);
        break;
      }
    }
  }
  const output: EfaspOutput =
    program.output.kind === "code"
      ? { kind: "code", feature: get(program.output.feature) }
      : { kind: "scores", features: program.output.features.map(get) };
  const control = program.control ? (program.control.map(get) as [Feature, Feature, Feature]) : null;
  return { program: { ...program, output, control }, rebuilt };
}
