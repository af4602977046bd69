import { assertFinite } from "./NonFiniteError.js";
import { sparseMatmul } from "./sparseMatmul.js";
import type { Transformer } from "./transformerWeights.js";

/**
 * Per position, what a decoding loop reads from its logits — the argmax (lowest id on an exact tie), every
 * tied id, the margin (top − the best distinct logit below it, Infinity when all tie) and the three control
 * logits — kept across the passes of a ForwardSession and recomputed only where the final residual row
 * changed. Logits are x·W + b as forward computes them (the matmul over the rows, then the bias added).
 */
export class LogitCache {
  private readonly V: number;
  private readonly d: number;
  private readonly valid: Uint8Array;
  readonly argmax: Int32Array;
  private readonly margin: Float64Array;
  private readonly ties = new Map<number, number[]>();
  private readonly control: Float64Array | null;
  /** The final residual rows of the last pass at the given positions, packed [rows, d]. */
  private final: (rows: readonly number[]) => Float64Array = () => new Float64Array(0);

  constructor(
    private readonly model: Transformer,
    readonly n: number,
  ) {
    this.V = model.config.vocab.length;
    this.d = model.config.dModel;
    this.valid = new Uint8Array(n);
    this.argmax = new Int32Array(n);
    this.margin = new Float64Array(n);
    this.control = model.weights.controlHead ? new Float64Array(n * 3) : null;
  }

  /** The final residual rows that changed: their decisions are stale. */
  invalidate(rows: Int32Array): void {
    for (const i of rows) this.valid[i] = 0;
  }

  /** Decides every requested position (default: all) that is stale, from the final residual rows; returns multiply-adds. */
  decide(final: (rows: readonly number[]) => Float64Array, outputs: Uint8Array | undefined): number {
    this.final = final;
    const rows: number[] = [];
    for (let i = 0; i < this.n; i++) if ((!outputs || outputs[i]) && !this.valid[i]) rows.push(i);
    const logits = this.logitRows(rows, this.model.weights.tokenHead, this.model.weights.tokenBias, this.V, "token logit");
    const { V } = this;
    rows.forEach((i, r) => {
      let arg = 0;
      let second = -Infinity;
      const o = r * V;
      for (let t = 1; t < V; t++) if (logits[o + t] > logits[o + arg]) arg = t;
      const top = logits[o + arg];
      const tied: number[] = [];
      for (let t = 0; t < V; t++) {
        const z = logits[o + t];
        if (z === top) tied.push(t);
        else if (z > second) second = z;
      }
      this.argmax[i] = arg;
      this.margin[i] = top - second;
      if (tied.length > 1) this.ties.set(i, tied);
      else this.ties.delete(i);
      this.valid[i] = 1;
    });
    const { controlHead, controlBias } = this.model.weights;
    if (this.control && controlHead && controlBias) {
      const c = this.logitRows(rows, controlHead, controlBias, 3, "control logit");
      rows.forEach((i, r) => this.control!.set(c.subarray(r * 3, r * 3 + 3), i * 3));
    }
    return rows.length * this.d * (V + (this.control ? 3 : 0));
  }

  /** Every token id attaining the top logit at a decided position i. */
  tied(i: number): number[] {
    return this.ties.get(i) ?? [this.argmax[i]];
  }

  /** The control logits (remask, insert, delete) at a decided position i, or null without control head. */
  controlLogits(i: number): Float64Array | null {
    return this.control ? this.control.slice(i * 3, i * 3 + 3) : null;
  }

  /** The token logits at position i of the last pass, recomputed from its final residual row. */
  tokenLogits(i: number): Float64Array {
    return this.logitRows([i], this.model.weights.tokenHead, this.model.weights.tokenBias, this.V, "token logit");
  }

  /** The smallest margin over the requested positions (forward's minLogitMargin). */
  minMargin(outputs: Uint8Array | undefined): number {
    let min = Infinity;
    for (let i = 0; i < this.n; i++) if ((!outputs || outputs[i]) && this.margin[i] < min) min = this.margin[i];
    return min;
  }

  private logitRows(rows: readonly number[], w: Float64Array, b: Float64Array, cols: number, what: string): Float64Array {
    const { d } = this;
    const xs = this.final(rows);
    const out = new Float64Array(rows.length * cols);
    sparseMatmul(xs, rows.length, d, w, cols, out);
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < cols; c++) out[r * cols + c] += b[c];
    assertFinite(out, 0, rows.length * cols, cols, (r) => rows[r], { layer: null, head: null, what });
    return out;
  }
}
