import { denseMatmul } from "./denseMatmul.js";
import type { Matmul } from "./matmul.js";

/**
 * A matrix's non-zero entries row by row (CSR): row r's are col/val[rowStart[r] .. rowStart[r + 1]);
 * `rows` lists, in increasing order, the rows that have any.
 */
export interface Csr {
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
  readonly rows: Int32Array;
}

/** Built once per weight matrix (the weights of a model are never mutated after construction). */
const csrCache = new WeakMap<Float64Array, Csr>();

export function csrOf(w: Float64Array, rows: number, cols: number): Csr {
  const cached = csrCache.get(w);
  if (cached) return cached;
  let nnz = 0;
  for (let e = 0; e < rows * cols; e++) if (w[e] !== 0) nnz++;
  const rowStart = new Int32Array(rows + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    for (let c = 0; c < cols; c++) {
      const v = w[r * cols + c];
      if (v !== 0) {
        col[k] = c;
        val[k++] = v;
      }
    }
  }
  rowStart[rows] = k;
  const nonEmpty: number[] = [];
  for (let r = 0; r < rows; r++) if (rowStart[r + 1] > rowStart[r]) nonEmpty.push(r);
  const csr = { rowStart, col, val, rows: Int32Array.from(nonEmpty) };
  csrCache.set(w, csr);
  return csr;
}

/**
 * The fast Matmul for hand-built weights, which are mostly zero: it visits only W's non-zero entries (and
 * reads x only in the rows of W that have one) and skips zero entries of x, in the reference's order
 * (increasing r). A matrix with more than a third of its
 * entries non-zero goes to denseMatmul instead, whose blocked loops are then faster. Exact: a skipped product is a·0 or
 * 0·w, i.e. ±0 for finite a and w, and adding ±0 to a running sum that started at +0 never changes it
 * (such a sum is never −0, since +0 + −0 = +0 and an exact cancellation gives +0), so every entry is the
 * same float64 as denseMatmul's. (Loaded weights are checked finite; an activation that overflowed to ±∞
 * would make the reference's ∞·0 a NaN that this path skips.)
 */
export const sparseMatmul: Matmul = (x, n, rows, w, cols, out) => {
  const { rowStart, col, val, rows: nonEmpty } = csrOf(w, rows, cols);
  if (3 * val.length > rows * cols) return denseMatmul(x, n, rows, w, cols, out);
  out.fill(0, 0, n * cols);
  for (let i = 0; i < n; i++) {
    const xo = i * rows;
    const oo = i * cols;
    for (let q = 0; q < nonEmpty.length; q++) {
      const r = nonEmpty[q];
      const a = x[xo + r];
      if (a === 0) continue;
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) out[oo + col[e]] += a * val[e];
    }
  }
};
