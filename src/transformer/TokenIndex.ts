import { EXACT, PointTree } from "./PointTree.js";
import { csrOf } from "./sparseMatmul.js";
import type { Transformer } from "./transformerWeights.js";

/** A position's token decision: the ids attaining the top logit (increasing), the top and the best distinct logit below it. */
export interface TokenLevels {
  readonly tied: number[];
  readonly top: number;
  readonly second: number;
}

/**
 * The token decisions of a row x without computing all V logits, for a token head W [d, V] and bias b whose
 * entries are all integers: each non-empty row of W is an integer multiple λ_c of one of D directions u₁ … u_D
 * (the row over the gcd of its entries, its first entry positive; the compiled "code" output 2v·s − v² has
 * one direction, v ↦ v, however many columns s sums), token t is the point p_t = (u₁[t], …, u_D[t], b_t), and
 * its logit is the inner product of p_t with x' = (Σ_c λ_c·x_c over u₁'s rows c, …, 1). A k-d tree
 * over the points (PointTree) finds the top level (every tied token) and the second level by branch and
 * bound, like the key index of HeadCache. Exact when x is integral at those columns and
 * Σ_c |x_c|·max_t |W[c, t]| + max_t |b_t| ≤ 2^52: every logit and every partial sum is then an exact integer,
 * so the logit forward computes (in its order, as x·W + b) is this integer, bit for bit (a zero sum from +0 is
 * +0 in both), and the tied ids, top and second are the reference's. Built once per model, or null when W or b
 * is not integral or the points have too many coordinates for a tree to prune.
 */
export class TokenIndex {
  private readonly tree: PointTree;
  private readonly query: Float64Array;
  private readonly stack: Int32Array;
  private readonly ties: Int32Array;
  /** An estimate of a search's multiply-adds, to weigh against the sparse decision's. */
  readonly cost: number;
  /** Multiply-adds the last search ran. */
  work = 0;
  /** Decisions by query, for one-direction heads (see search). */
  private readonly seen = new Map<number, TokenLevels>();
  /** Per coordinate of the points, max |entry|. */
  private readonly max: Float64Array;

  private constructor(
    /** The non-empty rows of W, and per row its coordinate. */
    private readonly columns: Int32Array,
    private readonly coordinate: Int32Array,
    private readonly scale: Float64Array,
    private readonly points: Float64Array,
    readonly D: number,
    V: number,
  ) {
    this.tree = new PointTree(points, D, Int32Array.from({ length: V }, (_, t) => t), 4);
    this.query = new Float64Array(D);
    this.cost = 4 * D * Math.log2(this.tree.nodes + 1);
    this.stack = new Int32Array(2 * this.tree.nodes + 2);
    this.ties = new Int32Array(V);
    this.query[D - 1] = 1;
    this.max = new Float64Array(D);
    for (let e = 0; e < points.length; e++) this.max[e % D] = Math.max(this.max[e % D], Math.abs(points[e]));
  }

  /** The model's token index (cached per token head and bias), or null when it cannot be exact or cannot prune. */
  static of(model: Transformer): TokenIndex | null {
    const { tokenHead, tokenBias } = model.weights;
    const byBias = built.get(tokenHead) ?? new WeakMap<Float64Array, TokenIndex | null>();
    built.set(tokenHead, byBias);
    if (byBias.has(tokenBias)) return byBias.get(tokenBias)!;
    const d = model.config.dModel;
    const V = model.config.vocab.length;
    const { rows: columns, rowStart, col, val } = csrOf(tokenHead, d, V);
    let index: TokenIndex | null = null;
    const integral = (a: number) => Number.isInteger(a) && Math.abs(a) <= EXACT / 2;
    if (val.every(integral) && tokenBias.every(integral)) {
      // The k-th non-empty row of W is scale[k] times its direction: its entries over their gcd, the first one positive.
      const directions = new Map<string, number>();
      const bases: number[][] = [];
      const scale = new Float64Array(columns.length);
      const coordinate = Int32Array.from(columns, (c, k) => {
        let g = 0;
        for (let e = rowStart[c]; e < rowStart[c + 1]; e++) g = gcd(g, Math.abs(val[e]));
        if (val[rowStart[c]] < 0) g = -g;
        scale[k] = g;
        let key = "";
        for (let e = rowStart[c]; e < rowStart[c + 1]; e++) key += `${col[e]}:${val[e] / g},`;
        if (!directions.has(key)) {
          directions.set(key, directions.size);
          bases.push(Array.from({ length: rowStart[c + 1] - rowStart[c] }, (_, r) => rowStart[c] + r));
        }
        return directions.get(key)!;
      });
      const D = directions.size + 1;
      if (D <= MAX_COORDINATES) {
        const points = new Float64Array(V * D);
        bases.forEach((entries, u) => {
          const g = scale[coordinate.indexOf(u)];
          for (const e of entries) points[col[e] * D + u] = val[e] / g;
        });
        for (let t = 0; t < V; t++) points[t * D + D - 1] = tokenBias[t];
        index = new TokenIndex(columns, coordinate, scale, points, D, V);
      }
    }
    byBias.set(tokenBias, index);
    return index;
  }

  /** The row's x' at xs[xo ..], or false when x is not integral there or the logits could exceed 2^52. */
  private load(xs: Float64Array, xo: number): boolean {
    const { columns, coordinate, scale, query, max, D } = this;
    query.fill(0, 0, D - 1);
    let bound = max[D - 1];
    for (let k = 0; k < columns.length; k++) {
      const a = xs[xo + columns[k]];
      if (!Number.isInteger(a)) return false;
      query[coordinate[k]] += scale[k] * a;
      bound += Math.abs(scale[k] * a) * max[coordinate[k]];
    }
    return bound <= EXACT / 2;
  }

  /** The decision of the row at xs[xo ..], or null when the search would not be exact (see the class comment). */
  search(xs: Float64Array, xo: number): TokenLevels | null {
    if (!this.load(xs, xo)) return null;
    this.work = this.columns.length;
    if (this.D !== 2) return this.levels();
    // One direction: the decision is a function of one integer, and rows repeat (every mask, every copy).
    const key = this.query[0];
    let found = this.seen.get(key);
    if (found === undefined) {
      if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
      found = this.levels();
      this.seen.set(key, found);
    }
    return found;
  }

  /** The search of the loaded query (see search). */
  private levels(): TokenLevels {
    const { tree, query, points, D, stack, ties } = this;
    const { order, start, end, left, right, single } = tree;
    let top = -Infinity;
    let second = -Infinity;
    let tied = 0;
    let visited = 0;
    let depth = 0;
    stack[depth++] = 0;
    while (depth > 0) {
      const node = stack[--depth];
      visited++;
      // Every point of a node scores at most its bound: one at or below the second level changes nothing.
      if (tree.bound(node, query, 0) <= second) continue;
      if (left[node] >= 0) {
        const a = left[node];
        const b = right[node];
        const first = tree.bound(a, query, 0) >= tree.bound(b, query, 0);
        stack[depth++] = first ? b : a;
        stack[depth++] = first ? a : b;
        visited += 2;
        continue;
      }
      // A leaf: its points one by one, or all at once when they are equal.
      const to = single[node] ? start[node] + 1 : end[node];
      for (let r = start[node]; r < to; r++) {
        const p = order[r] * D;
        let s = 0;
        for (let t = 0; t < D; t++) s += query[t] * points[p + t];
        visited++;
        if (s < top) {
          if (s > second) second = s;
          continue;
        }
        if (s > top) {
          second = top;
          top = s;
          tied = 0;
        }
        if (single[node]) for (let k = start[node]; k < end[node]; k++) ties[tied++] = order[k];
        else ties[tied++] = order[r];
      }
    }
    const list = Array.from(ties.subarray(0, tied)).sort((x, y) => x - y);
    this.work += visited * D;
    return { tied: list, top, second };
  }

}

/** Points with more coordinates than this are not indexed (a k-d tree prunes little in many dimensions). */
const MAX_COORDINATES = 32;

/** One-direction decisions remembered at most (the map is emptied when full). */
const SEEN_LIMIT = 1 << 16;

const built = new WeakMap<Float64Array, WeakMap<Float64Array, TokenIndex | null>>();

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
