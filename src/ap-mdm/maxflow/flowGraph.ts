/**
 * A unit-capacity directed graph with a source and a target: nodes 0 … nodes − 1, simple (no self-loop,
 * no repeated edge; u → v and v → u may both be present), in the order the edges were given.
 */
export interface FlowGraph {
  readonly nodes: number;
  readonly source: number;
  readonly target: number;
  readonly edges: readonly (readonly [number, number])[];
}
