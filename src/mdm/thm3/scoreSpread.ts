import type { Linear, ScoreTerm } from "../../efasp/feature.js";

/** An upper bound on |Σ q·k| over all positions, from the features' declared bounds. */
export function scoreSpread(terms: readonly ScoreTerm[]): number {
  let s = 0;
  for (const t of terms) s += magnitude(t.q) * magnitude(t.k);
  return s;
}

function magnitude(x: Linear): number {
  let m = Math.abs(x.bias);
  for (const [c, f] of x.terms) m += Math.abs(c) * Math.max(Math.abs(f.lo), Math.abs(f.hi));
  return m;
}
