import type { DecodeModel } from "../mdm/mdmRun.js";
import type { ForwardEngine } from "../transformer/forwardEngine.js";
import type { SeriesSource } from "./seriesSource.js";

const LABELS: Readonly<Record<DecodeModel, string>> = { mdm: "MDM", "masked-arm": "Masked-ARM", arm: "ARM", "ap-mdm": "AP-MDM" };

/**
 * A decoder (src/mdm/simulate, each step a forward pass over the compiled weights) as a plotted series.
 * The MDM fills one block per step and the AP-MDM rewrites its buffers once per PRAM step, so their steps
 * are fitted against the PRAM's T; the Masked-ARM and ARM produce one token per step, so theirs against
 * P(n)·T(n). Contexts: P(n)·T(n) for Theorem 1's canvas; for the AP-MDM's peak (Theorem 4), the machine's
 * state S(n) = M(n) + P(n)·(R + 1).
 */
export function mdmSource(model: DecodeModel, engine: ForwardEngine = "incremental"): SeriesSource {
  return {
    model,
    label: LABELS[model],
    fit: { steps: model === "mdm" || model === "ap-mdm" ? "T" : "PT", context: model === "ap-mdm" ? "S" : "PT" },
    tokenwise: model === "masked-arm" || model === "arm",
    measure: (instance, input, _pram, pool) => pool.run({ kind: "decode", instance, input, model, engine }),
  };
}
