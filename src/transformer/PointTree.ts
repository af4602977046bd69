/**
 * A static k-d tree over some rows of a [·, D] array (the points), for exact branch-and-bound searches of
 * large inner products x·p. Every node holds a contiguous run order[start .. end) of point ids and their
 * bounding box lo ≤ p ≤ hi (per coordinate). A node splits at the median of its widest coordinate until it
 * holds at most `leafSize` points or all its points are equal (a box of one point: searches take such a node
 * whole, e.g. a block of tied keys). Nodes are numbered in preorder, so a child's number exceeds its parent's.
 *
 * bound(node, x) = Σ_t max(x_t·lo_t, x_t·hi_t) ≥ x·p for every p of the node, exactly, when every x_t and
 * coordinate is an integer and Σ_t max|x_t|·max|p_t| ≤ 2^53 (every product and partial sum is then an exact
 * integer); callers check that (see integralBound) before trusting a bound, and fall back to a scan otherwise.
 */
export class PointTree {
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** The two children of an inner node; −1 for a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Whether every point of the node is equal (lo = hi). */
  readonly single: Uint8Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly nodes: number;

  constructor(
    readonly points: Float64Array,
    readonly D: number,
    ids: Int32Array,
    leafSize = 8,
  ) {
    const m = ids.length;
    const capacity = Math.max(1, 2 * m);
    this.order = Int32Array.from(ids);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.single = new Uint8Array(capacity);
    this.lo = new Float64Array(capacity * D);
    this.hi = new Float64Array(capacity * D);
    let nodes = 0;
    const stack: number[] = [];
    const open = (s: number, e: number): number => {
      const node = nodes++;
      this.start[node] = s;
      this.end[node] = e;
      stack.push(node);
      return node;
    };
    open(0, m);
    while (stack.length > 0) {
      const node = stack.pop()!;
      const s = this.start[node];
      const e = this.end[node];
      const widest = this.box(node, s, e);
      this.left[node] = -1;
      this.right[node] = -1;
      if (widest < 0 || e - s <= leafSize) continue;
      const mid = s + ((e - s) >> 1);
      select(this.order, points, D, widest, s, e, mid);
      this.left[node] = open(s, mid);
      this.right[node] = open(mid, e);
    }
    this.nodes = nodes;
  }

  /** Sets the node's box; returns its widest coordinate, or −1 when all its points are equal. */
  private box(node: number, s: number, e: number): number {
    const { D, points, order, lo, hi } = this;
    const o = node * D;
    for (let t = 0; t < D; t++) {
      lo[o + t] = Infinity;
      hi[o + t] = -Infinity;
    }
    for (let r = s; r < e; r++) {
      const p = order[r] * D;
      for (let t = 0; t < D; t++) {
        const a = points[p + t];
        if (a < lo[o + t]) lo[o + t] = a;
        if (a > hi[o + t]) hi[o + t] = a;
      }
    }
    let widest = -1;
    let extent = 0;
    for (let t = 0; t < D; t++) {
      if (hi[o + t] - lo[o + t] > extent) {
        extent = hi[o + t] - lo[o + t];
        widest = t;
      }
    }
    this.single[node] = widest < 0 ? 1 : 0;
    return widest;
  }

  /** Σ_t max(x_t·lo_t, x_t·hi_t) for x = x[xo .. xo + D): an upper bound of x·p over the node (see above). */
  bound(node: number, x: Float64Array, xo: number): number {
    const { D, lo, hi } = this;
    const o = node * D;
    let b = 0;
    for (let t = 0; t < D; t++) {
      const u = x[xo + t];
      b += u >= 0 ? u * hi[o + t] : u * lo[o + t];
    }
    return b;
  }
}

/**
 * Rearranges order[lo .. hi) so that order[k] holds the point a sort by coordinate t would put there, with
 * no larger coordinate before it and no smaller one after (quickselect, Hoare partition around the median
 * of three; deterministic).
 */
function select(order: Int32Array, points: Float64Array, D: number, t: number, lo: number, hi: number, k: number): void {
  const at = (r: number) => points[order[r] * D + t];
  while (hi - lo > 1) {
    const a = at(lo);
    const b = at((lo + hi) >> 1);
    const c = at(hi - 1);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      while (at(i) < pivot) i++;
      while (at(j) > pivot) j--;
      if (i <= j) {
        const swap = order[i];
        order[i++] = order[j];
        order[j--] = swap;
      }
    }
    if (k <= j) hi = j + 1;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Integers up to 2^53 are exact in float64. */
export const EXACT = 2 ** 53;

/**
 * max_t |a[r·D + t]| over the given rows, per coordinate, into `out` (length D); returns false when an entry
 * is not an integer (or not finite).
 */
export function integralMax(a: Float64Array, D: number, rows: ArrayLike<number>, count: number, out: Float64Array): boolean {
  out.fill(0);
  for (let r = 0; r < count; r++) {
    const o = rows[r] * D;
    for (let t = 0; t < D; t++) {
      const v = a[o + t];
      if (!Number.isInteger(v)) return false;
      const m = v < 0 ? -v : v;
      if (m > out[t]) out[t] = m;
    }
  }
  return true;
}

/**
 * Whether Σ_t x_t·y_t ≤ 2^52 for the per-coordinate maxima x, y (computed in float64, hence the factor 2 of
 * slack below 2^53): every inner product of such rows, and every bound of PointTree, is then exact.
 */
export function integralBound(x: Float64Array, y: Float64Array): boolean {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t] * y[t];
  return s <= EXACT / 2;
}
