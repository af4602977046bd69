import type { EfaspProgram } from "./efaspProgram.js";
import type { Feature, Head } from "./feature.js";

/** The inputs a feature is computed from: a local op's inputs, or everything its head's score and values read. */
export function dependencies(f: Feature): readonly Feature[] {
  switch (f.kind) {
    case "token":
    case "position":
      return [];
    case "local":
      return f.inputs;
    case "aggregate":
      return headInputs(f.head);
  }
}

export function headInputs(h: Head): Feature[] {
  const out: Feature[] = [];
  for (const t of h.score) {
    for (const [, x] of t.q.terms) out.push(x);
    for (const [, x] of t.k.terms) out.push(x);
  }
  for (const x of h.values) out.push(x);
  return out;
}

/** Every feature the program's outputs depend on, each after all of its dependencies. */
export function topoOrder(program: EfaspProgram): Feature[] {
  const outputs = program.output.kind === "code" ? [program.output.feature] : program.output.features;
  const roots = [...outputs, ...(program.control ?? [])];
  const seen = new Set<number>();
  const order: Feature[] = [];
  // Iterative post-order DFS: programs can be deep, and recursion depth is not ours to spend.
  const stack: { f: Feature; expanded: boolean }[] = roots.map((f) => ({ f, expanded: false })).reverse();
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (seen.has(top.f.id)) continue;
    if (top.expanded) {
      seen.add(top.f.id);
      order.push(top.f);
      continue;
    }
    stack.push({ f: top.f, expanded: true });
    for (const d of dependencies(top.f)) if (!seen.has(d.id)) stack.push({ f: d, expanded: false });
  }
  return order;
}
