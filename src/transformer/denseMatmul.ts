import type { Matmul } from "./matmul.js";

/** The reference Matmul: every product, i-k-j loop order (the inner loop runs along a row of W and of out). */
export const denseMatmul: Matmul = (x, n, rows, w, cols, out) => {
  out.fill(0, 0, n * cols);
  for (let i = 0; i < n; i++) {
    const xo = i * rows;
    const oo = i * cols;
    for (let r = 0; r < rows; r++) {
      const a = x[xo + r];
      const wo = r * cols - oo;
      for (let c = oo; c < oo + cols; c++) out[c] += a * w[wo + c];
    }
  }
};
