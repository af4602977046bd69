/**
 * out = x·W for n row vectors: x is [n, rows] row-major, W is [rows, cols] row-major, out is [n, cols] and
 * is overwritten. Every implementation computes each entry as the sum, from +0 and in increasing r, of
 * x[i, r]·W[r, c]; they differ only in which products that are exactly ±0 they skip (see sparseMatmul).
 */
export type Matmul = (x: Float64Array, n: number, rows: number, w: Float64Array, cols: number, out: Float64Array) => void;
