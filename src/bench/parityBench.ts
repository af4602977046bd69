import { computeParity } from "../ap-mdm/parity/computeParity.js";
import { parityProgram } from "../ap-mdm/parity/parityProgram.js";
import { seededRandom } from "../ap-mdm/seededRandom.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import type { Benchmark } from "./benchmark.js";

/** Bit-string lengths; the last is below the weights' cost cap (≈ 180,000 bits, docs/cli.md). */
const SIZES = [1000, 4000, 16000, 32000, 64000, 128000];

/**
 * `apmdm parity` over compiled weights (the incremental engine) on seeded random bits: CPU time of the decode,
 * the engine's work meter and the dense count, and the log–log slopes of time and work from 4,000 bits on and
 * over the last doubling (docs/cli.md: is parity near-linear?).
 */
export const parityBench: Benchmark = {
  name: "parity: the AP-MDM that deletes pairs, 1,000 … 128,000 random bits",
  async run() {
    const rows = SIZES.map((n) => {
      const random = seededRandom(n);
      const bits = Array.from({ length: n }, () => random.below(2));
      const { predictor } = compiledPredictor(parityProgram(n));
      const cpu0 = process.cpuUsage();
      const r = computeParity(bits, { predictor });
      const cpu = process.cpuUsage(cpu0);
      const expected = bits.reduce((a, b) => a ^ b, 0);
      return { n, seconds: (cpu.user + cpu.system) / 1e6, work: r.decode.meters.work, flops: r.decode.meters.flops, exact: r.parity === expected };
    });
    const slope = (y: (r: (typeof rows)[number]) => number, from: number): string => fitSlope(rows.filter((r) => r.n >= from).map((r) => [Math.log(r.n), Math.log(y(r))])).toFixed(2);
    const last = rows.slice(-2);
    const lastSlope = (y: (r: (typeof rows)[number]) => number) => Math.log2(y(last[1]) / y(last[0])) / Math.log2(last[1].n / last[0].n);
    return [
      ...rows.map((r) => `${r.n} bits: parity ${r.exact ? "exact" : "WRONG"}, ${r.seconds.toFixed(2)} s of CPU, work ${r.work.toExponential(2)}, dense ${r.flops.toExponential(2)} FLOPs`),
      `log–log slope from 4,000 bits: time ${slope((r) => r.seconds, 4000)}, work ${slope((r) => r.work, 4000)}; over the last doubling: time ${lastSlope((r) => r.seconds).toFixed(2)}, work ${lastSlope((r) => r.work).toFixed(2)}`,
    ];
  },
};

/** The least-squares slope of points (x, y). */
function fitSlope(points: readonly (readonly [number, number])[]): number {
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}
