import type { TransformerConfig } from "../transformer/transformerConfig.js";

/**
 * An upper bound on the `flops` meter of one forward pass of a model with this config over n positions,
 * every position an output, computed from the shape alone (before anything runs): the meter's own count
 * (src/transformer/forward.ts, ForwardMeter.flops) with every query's maximal keys taken to be all the keys it
 * sees. Exact when every query has a single maximal key and average-hard attention; a softmax head adds
 * every key, so it meets the bound. Cost caps (src/cli/costCap.ts) multiply it by the steps of a decode.
 */
export function passFlops(config: TransformerConfig, n: number): number {
  const d = config.dModel;
  const V = config.vocab.length;
  const pairs = config.causal ? (n * (n + 1)) / 2 : n * n;
  let multiplyAdds = 0;
  for (const layer of config.layers) {
    for (const { dQK, dV } of layer.heads) multiplyAdds += n * d * (2 * dQK + dV) + pairs * (dQK + dV) + n * dV * d;
    multiplyAdds += 2 * n * d * layer.mlpHidden;
  }
  multiplyAdds += n * d * (V + (config.control ? 3 : 0));
  return 2 * multiplyAdds;
}
