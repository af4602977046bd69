import { rational, rationalValue } from "../plot/rational.js";
import { addRational, type Distribution } from "./distribution.js";

export interface GoodnessOfFit {
  readonly samples: number;
  /** Pearson's statistic Σ (observed − expected)² / expected over the bins. */
  readonly chiSquare: number;
  /** Bins: outcomes in order, consecutive ones pooled until each bin expects ≥ 5 samples (the last bin may take the rest). */
  readonly bins: number;
  readonly degreesOfFreedom: number;
  /** P(χ²_df ≥ statistic): the chance of a fit at least this bad if the sampler is exact. */
  readonly pValue: number;
  /** Samples outside the distribution's support (any is a failure). */
  readonly outside: number;
}

/**
 * Pearson's χ² test of seeded samples against an exact distribution (for circuits too large to enumerate a
 * decode). The χ² approximation needs every bin to expect a few samples, so outcomes, sorted, are pooled
 * into consecutive bins expecting ≥ 5 each (a final short bin joins the one before); df = bins − 1.
 */
export function chiSquare(samples: readonly string[], expected: Distribution): GoodnessOfFit {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const bins: { o: number; e: number }[] = [];
  let open = { o: 0, e: 0 };
  let mass = rational(0n, 1n); // the open bin's probability, exactly
  const enough = rational(5n, BigInt(samples.length));
  for (const x of [...expected.keys()].sort()) {
    mass = addRational(mass, expected.get(x)!);
    open.o += counts.get(x) ?? 0;
    open.e = samples.length * rationalValue(mass);
    if (mass.num * enough.den >= enough.num * mass.den) {
      bins.push(open);
      open = { o: 0, e: 0 };
      mass = rational(0n, 1n);
    }
  }
  if (open.e > 0) {
    if (bins.length === 0) bins.push(open);
    else {
      bins[bins.length - 1].o += open.o;
      bins[bins.length - 1].e += open.e;
    }
  }
  const stat = bins.reduce((sum, b) => sum + ((b.o - b.e) * (b.o - b.e)) / b.e, 0);
  const outside = samples.filter((s) => !expected.has(s)).length;
  const df = Math.max(1, bins.length - 1);
  return { samples: samples.length, chiSquare: stat, bins: bins.length, degreesOfFreedom: df, pValue: upperGamma(df / 2, stat / 2), outside };
}

/**
 * Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function (χ²_k survival = Q(k/2, x/2)):
 * the series for x < a + 1, else Lentz's continued fraction (Numerical Recipes §6.2), to 1e-14.
 */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-14; k++) {
      term *= x / (a + k);
      sum += term;
    }
    return 1 - sum * Math.exp(lnPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.exp(lnPrefix) * h;
}

/** ln Γ(a) by the Lanczos approximation (g = 7, 9 terms), accurate to ~1e-15 relative for a > 0. */
function logGamma(a: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const z = a - 1;
  let s = c[0];
  for (let i = 1; i < 9; i++) s += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}
