import { computeParity } from "../ap-mdm/parity/computeParity.js";
import { UserError } from "../errors.js";
import type { Command } from "./command.js";
import { formatApMdmMeters } from "./formatApMdmMeters.js";
import { parseOptions } from "./parseOptions.js";

export const parityCommand: Command = {
  path: ["parity"],
  usage: "parity BITS [--trace] [--json]",
  summary: "compute the parity of a bit string (e.g. 1011) with the AP-MDM that deletes pairs",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      trace: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", positionals.length === 0 ? "give a bit string, e.g. 'apmdm parity 1011'" : `unexpected argument '${positionals[1]}'`);
    const text = positionals[0];
    if (!/^[01]+$/.test(text)) throw new UserError("cli/options", `'${text}' is not a bit string (only 0 and 1)`);
    const bits = Array.from(text, Number);
    const r = computeParity(bits, { trace: values.trace });
    const canvases = r.decode.trace?.canvases.map((x) => Array.from(x, (t) => "M01"[t]).join("")) ?? null;
    if (values.json) {
      io.out(`${JSON.stringify({ bits: text, parity: r.parity, meters: r.decode.meters, ...(canvases ? { canvases } : {}) }, null, 2)}\n`);
    } else {
      if (canvases) io.out(canvases.map((line, step) => `${String(step).padStart(4)}  ${line}\n`).join(""));
      io.out(`parity of ${text} (${bits.length} bits): ${r.parity}\n`);
      io.out(`  ${formatApMdmMeters(r.decode.meters)}\n`);
    }
    return 0;
  },
};
