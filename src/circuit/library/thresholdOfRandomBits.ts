import { buildCircuit } from "../buildCircuit.js";
import { atLeast, countBits } from "./arithmetic.js";
import { circuitEntry } from "./circuitEntry.js";

/** n fair bits and the label [#ones ≥ t]: the bits, then the label. */
function labelled(name: string, n: number, t: number) {
  const b = buildCircuit(`${name} n=${n}`);
  const x = Array.from({ length: n }, (_, i) => b.rand(`x${i + 1}`));
  return b.finish([...x, atLeast(b, countBits(b, x), t)]);
}

export const majority = circuitEntry({
  name: "majority",
  summary: "n random bits labelled with their majority (#ones > n/2): counter and comparator",
  minN: 1,
  maxN: 1024,
  sweep: [1, 3, 5, 9, 17, 33],
  make: (n) => labelled("majority", n, Math.floor(n / 2) + 1),
});

export const subsetThreshold = circuitEntry({
  name: "subset-threshold",
  summary: "a random subset of {1…n} labelled with [its size ≥ ⌈n/3⌉]",
  minN: 1,
  maxN: 1024,
  sweep: [1, 3, 6, 12, 24],
  make: (n) => labelled("subset-threshold", n, Math.ceil(n / 3)),
});
