import fc from "fast-check";
import type { LibraryEntry } from "./libraryEntry.js";

/** Component labels (smallest vertex id) of the graph whose k×k adjacency matrix is `a`, by DFS. */
function componentLabels(a: readonly number[]): number[] {
  const k = Math.round(Math.sqrt(a.length));
  const label = new Array<number>(k).fill(-1);
  for (let root = 0; root < k; root++) {
    if (label[root] !== -1) continue;
    const stack = [root];
    label[root] = root;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let u = 0; u < k; u++) {
        if (label[u] === -1 && (a[v * k + u] === 1 || a[u * k + v] === 1)) {
          label[u] = root;
          stack.push(u);
        }
      }
    }
  }
  return label;
}

/** The symmetric adjacency matrix (row-major, k×k) of an edge list; `loops` marks diagonal entries. */
function matrixOf(k: number, edges: readonly (readonly [number, number])[], loops: readonly boolean[]): number[] {
  const a = new Array<number>(k * k).fill(0);
  for (const [u, v] of edges) {
    a[u * k + v] = 1;
    a[v * k + u] = 1;
  }
  loops.forEach((on, v) => on && (a[v * k + v] = 1));
  return a;
}

/**
 * Graphs on k = sqrt(n) vertices: random edge sets of any density, and long paths through the vertices
 * in a random order, cut at random places (large diameters, where labels must travel far).
 */
function graphs(n: number): fc.Arbitrary<number[]> {
  const k = Math.round(Math.sqrt(n));
  const vertex = fc.nat({ max: k - 1 });
  const loops = fc.array(fc.boolean(), { minLength: k, maxLength: k });
  const randomEdges = fc.tuple(fc.array(fc.tuple(vertex, vertex), { maxLength: 2 * k }), loops).map(([e, l]) => matrixOf(k, e, l));
  const cutPaths = fc
    .tuple(fc.array(fc.nat({ max: 4 * k }), { minLength: k, maxLength: k }), fc.array(fc.boolean(), { minLength: k, maxLength: k }), loops)
    .map(([keys, cuts, l]) => {
      const order = keys.map((key, v) => ({ key, v })).sort((a, b) => a.key - b.key || a.v - b.v).map((e) => e.v);
      const edges = order.slice(1).flatMap((v, t) => (cuts[t] ? [] : [[order[t], v] as const]));
      return matrixOf(k, edges, l);
    });
  return fc.oneof(randomEdges, cutPaths);
}

export const connectedComponents: LibraryEntry = {
  name: "connected-components",
  file: "connected-components.pram",
  summary: "component labels (smallest vertex id) of a k-vertex graph given as its n = k² adjacency matrix (Hirschberg–Chandra–Sarwate, P = n, O(log² n), CREW)",
  reference: componentLabels,
  inputs: graphs,
  testSizes: [1, 4, 9, 16, 25, 64],
};
