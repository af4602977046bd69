import type { Matmul } from "./matmul.js";

/**
 * The reference Matmul: every product, nothing skipped. Each entry is accumulated in a local variable from
 * +0 over r = 0, 1, …, rows − 1 (the order the Matmul contract fixes); the loops are register-blocked, two
 * rows of x by four columns of W at a time, so each load of x or W feeds several multiply-adds.
 */
export const denseMatmul: Matmul = (x, n, rows, w, cols, out) => {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const x0 = i * rows;
    const x1 = x0 + rows;
    const o0 = i * cols;
    const o1 = o0 + cols;
    let c = 0;
    for (; c + 3 < cols; c += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
      for (let r = 0, wo = c; r < rows; r++, wo += cols) {
        const u = x[x0 + r];
        const v = x[x1 + r];
        const w0 = w[wo];
        const w1 = w[wo + 1];
        const w2 = w[wo + 2];
        const w3 = w[wo + 3];
        a0 += u * w0;
        a1 += u * w1;
        a2 += u * w2;
        a3 += u * w3;
        b0 += v * w0;
        b1 += v * w1;
        b2 += v * w2;
        b3 += v * w3;
      }
      out[o0 + c] = a0;
      out[o0 + c + 1] = a1;
      out[o0 + c + 2] = a2;
      out[o0 + c + 3] = a3;
      out[o1 + c] = b0;
      out[o1 + c + 1] = b1;
      out[o1 + c + 2] = b2;
      out[o1 + c + 3] = b3;
    }
    for (; c < cols; c++) {
      let a = 0;
      let b = 0;
      for (let r = 0, wo = c; r < rows; r++, wo += cols) {
        a += x[x0 + r] * w[wo];
        b += x[x1 + r] * w[wo];
      }
      out[o0 + c] = a;
      out[o1 + c] = b;
    }
  }
  for (; i < n; i++) {
    const x0 = i * rows;
    for (let c = 0; c < cols; c++) {
      let a = 0;
      for (let r = 0, wo = c; r < rows; r++, wo += cols) a += x[x0 + r] * w[wo];
      out[i * cols + c] = a;
    }
  }
};
