import type { PositionFeature } from "../transformer/positionFeature.js";

/**
 * E-FASP features. Every feature is a sequence-to-integer map: at each position of a sequence it takes one
 * integer value in its declared inclusive bounds [lo, hi]. Vectors (bit vectors, records) are arrays of
 * features. A program is a DAG of features; what can be computed from what is fixed by the kind:
 *
 *  - token:     a function of the token at the same position (a table over token ids) — compiles to the embedding;
 *  - position:  one of the runtime's fixed position features — compiles to the position embedding;
 *  - local:     a position-wise operation on other features — compiles to ReLU MLP units (linear ones fold away);
 *  - aggregate: slot k of an attention head — compiles to one average-hard head.
 *
 * All values are integers; bounds are proven by interval arithmetic when a feature is built and checked
 * again by the evaluator, so the compiler can size its gadgets and prove every number stays below 2^53.
 */
export type Feature = TokenFeature | PositionFeatureNode | LocalFeature | AggregateFeature;

interface FeatureBase {
  /** Unique within a process; gives features a stable order. */
  readonly id: number;
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
}

export interface TokenFeature extends FeatureBase {
  readonly kind: "token";
  /** table[tokenId] is the value at a position holding that token. */
  readonly table: readonly number[];
}

export interface PositionFeatureNode extends FeatureBase {
  readonly kind: "position";
  readonly spec: PositionFeature;
}

export interface LocalFeature extends FeatureBase {
  readonly kind: "local";
  readonly op: LocalOp;
  readonly inputs: readonly Feature[];
}

export interface AggregateFeature extends FeatureBase {
  readonly kind: "aggregate";
  readonly head: Head;
  /** Which of the head's values this feature is. */
  readonly slot: number;
}

/** Position-wise operations. Comparisons and boolean ops yield 0/1; their inputs must be integers (bits for boolean ops). */
export type LocalOp =
  /** Σ coefs[k]·inputs[k] + bias (integer coefficients): free, folded into the weights that read it. */
  | { readonly op: "linear"; readonly coefs: readonly number[]; readonly bias: number }
  /** max(0, x) */
  | { readonly op: "relu" }
  /** [a cmp b] */
  | { readonly op: "compare"; readonly cmp: Comparison }
  /** inputs (c, x, y) with c ∈ {0,1}: c ? x : y */
  | { readonly op: "select" }
  | { readonly op: "min" }
  | { readonly op: "max" }
  /** x ∈ [base, base + table.length): table[x - base] */
  | { readonly op: "lookup"; readonly table: readonly number[]; readonly base: number }
  /** inputs (a, b) with b ≥ 1: floor(a / b) */
  | { readonly op: "floorDiv" }
  /** n-ary boolean ops over bits */
  | { readonly op: "all" }
  | { readonly op: "any" }
  | { readonly op: "not" };

export type Comparison = "lt" | "le" | "eq" | "ne" | "gt" | "ge";

/** A linear expression Σ coef·feature + bias with integer coefficients. */
export interface Linear {
  readonly terms: readonly (readonly [number, Feature])[];
  readonly bias: number;
}

/** One bilinear score term: contributes q(i)·k(j) to the score of key j at query i. */
export interface ScoreTerm {
  readonly q: Linear;
  readonly k: Linear;
}

/**
 * An attention head: score(i, j) = Σ_terms q(i)·k(j) over every key j (j ≤ i when causal); the query
 * averages, over the keys attaining the exact maximum, each value feature. A program must make every such
 * mean an integer (a unique winner, or winners that agree); the evaluator rejects an inexact one.
 */
export interface Head {
  readonly id: number;
  readonly name: string;
  readonly score: readonly ScoreTerm[];
  readonly values: readonly Feature[];
}

export type Bounds = { readonly lo: number; readonly hi: number };
