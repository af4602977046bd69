/**
 * A [rows, cols] matrix as the PRAM program reads it: only its active rows (those with a non-zero entry),
 * and per active row its non-zero entries. `rows[k]` is the k-th active row; its entries are
 * `cols[p], values[p]` for p in `starts[k] .. starts[k + 1] − 1` (starts has rows.length + 1 entries, relative
 * to the first entry). Zero entries cost the program nothing: x·W visits active rows, skips a row whose
 * x entry is 0, and adds one product per stored entry.
 */
export interface SparseRows {
  readonly rows: number[];
  readonly starts: number[];
  readonly cols: number[];
  readonly values: number[];
}

export function sparseRows(w: Float64Array, rows: number, cols: number): SparseRows {
  const out: SparseRows = { rows: [], starts: [0], cols: [], values: [] };
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let c = 0; c < cols; c++) {
      const v = w[r * cols + c];
      if (v === 0) continue;
      any = true;
      out.cols.push(c);
      out.values.push(v);
    }
    if (any) {
      out.rows.push(r);
      out.starts.push(out.cols.length);
    }
  }
  return out;
}
