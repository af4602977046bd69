import { computeParity, paritySteps } from "../ap-mdm/parity/computeParity.js";
import { parityProgram } from "../ap-mdm/parity/parityProgram.js";
import { UserError } from "../errors.js";
import { passFlops } from "../mdm/passFlops.js";
import type { TransformerConfig } from "../transformer/transformerConfig.js";
import { backendOption, backendPredictor } from "./backendOption.js";
import type { Command } from "./command.js";
import { checkCost, COST_CAPS } from "./costCap.js";
import { formatApMdmMeters } from "./formatApMdmMeters.js";
import { parseOptions } from "./parseOptions.js";

export const parityCommand: Command = {
  path: ["parity"],
  usage: "parity BITS [--backend weights|evaluator] [--force] [--trace] [--json]",
  summary: "compute the parity of a bit string (e.g. 1011) with the AP-MDM that deletes pairs (compiled weights)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      backend: { type: "string", default: "weights" },
      force: { type: "boolean", default: false },
      trace: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", positionals.length === 0 ? "give a bit string, e.g. 'apmdm parity 1011'" : `unexpected argument '${positionals[1]}'`);
    const text = positionals[0];
    if (!/^[01]+$/.test(text)) throw new UserError("cli/options", `'${text}' is not a bit string (only 0 and 1)`);
    const bits = Array.from(text, Number);
    const backend = backendOption(values.backend);
    const { predictor, config } = backendPredictor(parityProgram(bits.length), backend);
    const steps = paritySteps(bits.length);
    checkCost(backend === "weights" ? COST_CAPS.parity : COST_CAPS.parityEvaluator, `${bits.length} bits`, parityFlops(config, bits.length), `${steps} forward passes, the first two over ${bits.length} positions`, values.force);
    const r = computeParity(bits, { predictor, trace: values.trace });
    const canvases = r.decode.trace?.canvases.map((x) => Array.from(x, (t) => "M01"[t]).join("")) ?? null;
    if (values.json) {
      io.out(`${JSON.stringify({ bits: text, parity: r.parity, backend: values.backend, meters: r.decode.meters, ...(canvases ? { canvases } : {}) }, null, 2)}\n`);
    } else {
      if (canvases) io.out(canvases.map((line, step) => `${String(step).padStart(4)}  ${line}\n`).join(""));
      io.out(`parity of ${text} (${bits.length} bits): ${r.parity}\n`);
      io.out(`  ${formatApMdmMeters(r.decode.meters)}\n`);
    }
    return 0;
  },
};

/** The dense count of the decode: each round two passes over the current length, which then halves (rounding up); one checking pass over the last bit. */
export function parityFlops(config: TransformerConfig, n: number): number {
  let flops = passFlops(config, 1);
  for (let length = n; length > 1; length = Math.ceil(length / 2)) flops += 2 * passFlops(config, length);
  return flops;
}
