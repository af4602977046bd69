import type { Prediction, Predictor } from "../mdm/predictor.js";
import { positionValue } from "../transformer/positionValue.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import { Thm2Error } from "./Thm2Error.js";

/** Magnitudes from here on do not fit the widest PRAM word (32 bits); the pass stops there, still exact. */
export const WORD_LIMIT = 2 ** 31;

/** What the integer passes saw: the largest magnitude any value or partial sum of the PRAM program reaches. */
export interface IntegerMeter {
  /** max |v| over every value the program stores or accumulates (partial sums bounded by |start| + Σ|term|). */
  maxMagnitude: number;
  /** Where it was reached, e.g. "pass 2, layer 3 head 1 scores". */
  where: string;
  /** Exact divisions by a tie count > 1 (one per value column), summed over the passes. */
  divisions: number;
  passes: number;
}

/**
 * The forward pass the PRAM(1) program runs, in float64 on a model whose weights are integers, for the
 * validation that precedes compiling (not an oracle: the model's own decode is). It follows the program's
 * accumulations — x·W added into a zeroed or current row, the values of tied keys summed and divided by
 * their count — and records in `meter` the bound |start| + Σ|term| of each accumulation, which bounds every
 * partial sum in any order; the first bound ≥ 2^31 is a `word-size` Thm2Error (so every value seen is an
 * exact float64 integer). A tie average that is not an integer is a `not-integer` Thm2Error naming the
 * pass, layer, head, query and value column. Only token predictions are computed; control logits are not
 * part of the MDM decode.
 */
export function integerPredictor(model: Transformer, meter: IntegerMeter): Predictor {
  return { vocab: model.config.vocab, maskToken: model.config.maskToken, predict: (tokens, outputs) => pass(model, tokens, outputs, meter) };
}

function pass(model: Transformer, tokens: Int32Array, outputs: Uint8Array | undefined, meter: IntegerMeter): Prediction {
  const { config, weights } = model;
  const n = tokens.length;
  const d = config.dModel;
  const V = config.vocab.length;
  meter.passes += 1;
  let where = "";
  const see = (value: number) => {
    const m = Math.abs(value);
    if (m <= meter.maxMagnitude) return;
    meter.maxMagnitude = m;
    meter.where = `pass ${meter.passes}, ${where}`;
    if (m >= WORD_LIMIT) {
      const shown = Number.isSafeInteger(m) ? String(m) : m.toExponential(3);
      throw new Thm2Error("word-size", `${meter.where}: a value or partial sum reaches ${shown}, beyond the PRAM's 32-bit words (at most 2^31 − 1)`);
    }
  };
  /** y[yo + c] += Σ_r x[xo + r]·W[r, c] for c < cols (rows with x = 0 skipped); sees |y_start| + Σ|x·w| per column. */
  const times = (x: Float64Array, xo: number, rows: number, w: Float64Array, cols: number, y: Float64Array, yo: number) => {
    const bound = new Float64Array(cols);
    for (let c = 0; c < cols; c++) bound[c] = Math.abs(y[yo + c]);
    for (let r = 0; r < rows; r++) {
      const xr = x[xo + r];
      if (xr === 0) continue;
      for (let c = 0; c < cols; c++) {
        const term = xr * w[r * cols + c];
        y[yo + c] += term;
        bound[c] += Math.abs(term);
      }
    }
    for (const b of bound) see(b);
  };
  where = "embedding";
  const x = new Float64Array(n * d);
  const F = config.positionFeatures.length;
  const phi = new Float64Array(F);
  for (let i = 0; i < n; i++) {
    x.set(weights.tokenEmbedding.subarray(tokens[i] * d, (tokens[i] + 1) * d), i * d);
    config.positionFeatures.forEach((spec, f) => (phi[f] = positionValue(spec, i, n)));
    times(phi, 0, F, weights.positionEmbedding, d, x, i * d);
  }
  config.layers.forEach((layer, l) => {
    const lw = weights.layers[l];
    const delta = new Float64Array(n * d);
    layer.heads.forEach(({ dQK, dV }, h) => {
      const hw = lw.heads[h];
      where = `layer ${l} head ${h}`;
      const q = new Float64Array(n * dQK);
      const k = new Float64Array(n * dQK);
      const v = new Float64Array(n * dV);
      for (let i = 0; i < n; i++) {
        times(x, i * d, d, hw.wq, dQK, q, i * dQK);
        times(x, i * d, d, hw.wk, dQK, k, i * dQK);
        times(x, i * d, d, hw.wv, dV, v, i * dV);
      }
      const avg = new Float64Array(n * dV);
      const scores = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const keys = config.causal ? i + 1 : n;
        let best = -Infinity;
        for (let j = 0; j < keys; j++) {
          let s = 0;
          let bound = 0;
          for (let t = 0; t < dQK; t++) {
            s += q[i * dQK + t] * k[j * dQK + t];
            bound += Math.abs(q[i * dQK + t] * k[j * dQK + t]);
          }
          see(bound);
          scores[j] = s;
          if (s > best) best = s;
        }
        let count = 0;
        for (let c = 0; c < dV; c++) {
          let bound = 0;
          for (let j = 0; j < keys; j++) {
            if (scores[j] !== best) continue;
            avg[i * dV + c] += v[j * dV + c];
            bound += Math.abs(v[j * dV + c]);
          }
          see(bound);
        }
        for (let j = 0; j < keys; j++) if (scores[j] === best) count += 1;
        if (count > 1 && dV > 0) {
          meter.divisions += dV;
          for (let c = 0; c < dV; c++) {
            const sum = avg[i * dV + c];
            if (sum % count !== 0) {
              throw new Thm2Error("not-integer", `pass ${meter.passes}, layer ${l} head ${h}, query ${i}, value column ${c}: the average of ${count} tied keys is ${sum}/${count}, not an integer`);
            }
            avg[i * dV + c] = sum / count;
          }
        }
      }
      for (let i = 0; i < n; i++) times(avg, i * dV, dV, hw.wo, d, delta, i * d);
    });
    where = `layer ${l} residual`;
    for (let e = 0; e < n * d; e++) {
      see(Math.abs(x[e]) + Math.abs(delta[e]));
      x[e] += delta[e];
    }
    where = `layer ${l} MLP`;
    const H = layer.mlpHidden;
    const hidden = new Float64Array(n * H);
    for (let i = 0; i < n; i++) {
      times(x, i * d, d, lw.w1, H, hidden, i * H);
      for (let u = 0; u < H; u++) {
        const z = hidden[i * H + u];
        see(Math.abs(z) + Math.abs(lw.b1[u]));
        hidden[i * H + u] = Math.max(z + lw.b1[u], 0);
      }
      times(hidden, i * H, H, lw.w2, d, x, i * d);
      for (let c = 0; c < d; c++) {
        see(Math.abs(x[i * d + c]) + Math.abs(lw.b2[c]));
        x[i * d + c] += lw.b2[c];
      }
    }
  });
  where = "token head";
  const prediction = new Int32Array(n).fill(-1);
  const logits = new Float64Array(V);
  for (let i = 0; i < n; i++) {
    if (outputs && !outputs[i]) continue;
    logits.fill(0);
    times(x, i * d, d, weights.tokenHead, V, logits, 0);
    let arg = 0;
    for (let t = 0; t < V; t++) {
      see(Math.abs(logits[t]) + Math.abs(weights.tokenBias[t]));
      logits[t] += weights.tokenBias[t];
      if (logits[t] > logits[arg]) arg = t;
    }
    prediction[i] = arg;
  }
  return { prediction, tied: () => [], control: null, flops: 0, work: 0, fullPasses: 0, margins: null };
}
