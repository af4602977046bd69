import { compile } from "../efasp/compile.js";
import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { forward } from "../transformer/forward.js";
import { ForwardSession } from "../transformer/ForwardSession.js";
import { parameterCount } from "../transformer/parameterCount.js";
import { randomTransformer } from "../transformer/randomTransformer.js";
import type { TransformerConfig } from "../transformer/transformerConfig.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Benchmark } from "./benchmark.js";

const CONTEXTS = [512, 2048, 8192];

/** A generic dense model of a standard small shape, with random integer weights (about 6/7 non-zero). */
export function randomDenseModel(): Transformer {
  const heads = Array.from({ length: 4 }, () => ({ dQK: 16, dV: 16 }));
  const config: TransformerConfig = {
    vocab: Array.from({ length: 64 }, (_, t) => `t${t}`),
    maskToken: 0,
    dModel: 64,
    positionFeatures: [{ kind: "one" }, { kind: "index", offset: 0, divisor: 1, modulus: null, power: 1 }],
    layers: Array.from({ length: 4 }, () => ({ heads, mlpHidden: 256 })),
    attention: { kind: "average-hard" },
    causal: false,
    control: false,
  };
  return randomTransformer(config, 2024, 1);
}

/**
 * Wall-clock and CPU seconds per pass (passes repeated until a second has gone by) and the last pass's
 * result. The pass is single-threaded, so CPU time is its time on one core even on a busy machine.
 */
function time(model: Transformer, tokens: Int32Array, dense: boolean) {
  let passes = 0;
  let result = forward(model, tokens, { dense });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (; passes === 0 || performance.now() - t0 < 1000; passes++) result = forward(model, tokens, { dense });
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000 / passes, cpuSeconds: (cpu.user + cpu.system) / 1e6 / passes, result };
}

function measure(model: Transformer, canvas: (N: number) => Int32Array): string[] {
  forward(model, canvas(256), { dense: true }); // warm the JIT up
  forward(model, canvas(256));
  return CONTEXTS.map((N) => {
    const tokens = canvas(N);
    const dense = time(model, tokens, true);
    const fast = time(model, tokens, false);
    const same = dense.result.tokenLogits.every((z, k) => z === fast.result.tokenLogits[k]);
    const gflop = dense.result.meter.flops / 1e9;
    return (
      `N = ${String(N).padStart(4)}: dense ${dense.seconds.toFixed(3)} s/pass (CPU ${dense.cpuSeconds.toFixed(3)} s), ${gflop.toFixed(2)} GFLOP, ` +
      `${(gflop / dense.cpuSeconds).toFixed(2)} GFLOP/s per core; fast ${fast.seconds.toFixed(3)} s/pass (CPU ${fast.cpuSeconds.toFixed(3)} s, ` +
      `×${(dense.cpuSeconds / fast.cpuSeconds).toFixed(1)}); logits ${same ? "identical" : "DIFFERENT"}`
    );
  });
}

/**
 * The incremental engine on a model with no structure for it to use: a ForwardSession's pass after one
 * token changed (every later layer's rows change with it, so the pass is as large as a full one) beside a
 * fresh fast pass, CPU seconds per pass (edits repeated until a second has gone by); both give the same
 * logits.
 */
function sessionOverhead(model: Transformer, N: number): string {
  const V = model.config.vocab.length;
  const tokens = Int32Array.from({ length: N }, (_, i) => (i * 31) % V);
  const session = new ForwardSession(model);
  session.run(tokens);
  let passes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (; passes === 0 || performance.now() - t0 < 1000; passes++) {
    tokens[(passes * 97) % N] = (tokens[(passes * 97) % N] + 1) % V;
    session.run(tokens);
  }
  const cpu = process.cpuUsage(cpu0);
  const sessionCpu = (cpu.user + cpu.system) / 1e6 / passes;
  const fresh = time(model, tokens, false);
  const last = session.run(tokens).logits;
  const same = Array.from({ length: N }, (_, i) => i).every((i) => last.tokenLogits(i).every((z, k) => z === fresh.result.tokenLogits[i * V + k]));
  return `N = ${String(N).padStart(4)}: session pass after a one-token edit ${sessionCpu.toFixed(3)} s CPU, fresh fast pass ${fresh.cpuSeconds.toFixed(3)} s (×${(sessionCpu / fresh.cpuSeconds).toFixed(2)}); logits ${same ? "identical" : "DIFFERENT"}`;
}

const shape = (m: Transformer) => {
  const heads = m.config.layers.reduce((s, l) => s + l.heads.length, 0);
  return `${m.config.layers.length} layers, ${heads} heads, width ${m.config.dModel}, ${parameterCount(m.weights)} parameters`;
};

/**
 * Forward-pass throughput at contexts 512, 2048 and 8192, single-threaded: seconds per pass (wall clock and
 * CPU) and effective GFLOP/s per core of the dense reference path (FLOPs by the meter's formula over CPU
 * seconds), and the fast (sparse) path's time; both paths' logits are compared. Two models: a generic dense one with random weights, and the Theorem 1 MDM compiled
 * from prefix sums at n = 64 run over the first N positions of its initial canvas (input, then masks).
 */
export const forwardBench: Benchmark = {
  name: "forward pass: dense reference vs fast path, contexts 512 / 2048 / 8192",
  async run() {
    const random = randomDenseModel();
    const construction = constructMdm(instantiate(loadProgram("prefix-sums"), 64));
    const compiled = compile(construction.program(false)).model;
    const { vocab, layout } = construction;
    const initial = Int32Array.from({ length: layout.length }, (_, i) => (i === 0 ? vocab.bos : i <= 64 ? vocab.value((i * 7) % 16) : vocab.mask));
    return [
      `random dense model (d 64, 4 layers × 4 heads of dQK = dV = 16, MLP 256, vocab 64; random integer weights): ${shape(random)}`,
      ...measure(random, (N) => Int32Array.from({ length: N }, (_, i) => (i * 31) % 64)).map((l) => `  ${l}`),
      "the incremental engine on it (issue 9: at most 1.5× a fresh pass where it finds no structure):",
      ...CONTEXTS.map((N) => `  ${sessionOverhead(random, N)}`),
      `compiled: Theorem 1 MDM of prefix-sums at n = 64 (canvas ${layout.length}), first N positions of its initial canvas: ${shape(compiled)}`,
      ...measure(compiled, (N) => initial.subarray(0, N)).map((l) => `  ${l}`),
    ];
  },
};
