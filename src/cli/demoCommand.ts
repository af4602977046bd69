import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "../errors.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import { decoders } from "../repl/decoders.js";
import { palette } from "../repl/palette.js";
import { pramFrames } from "../repl/pramFrame.js";
import { renderCanvas } from "../repl/renderCanvas.js";
import { renderPram } from "../repl/renderPram.js";
import { sideBySide } from "../repl/sideBySide.js";
import type { Command } from "./command.js";
import { parseOptions } from "./parseOptions.js";

const PROGRAM = "prefix-sums";

export const demoCommand: Command = {
  path: ["demo"],
  usage: "demo [--input 3,1,4,1,5,9,2,6]",
  summary: `run the ${PROGRAM} PRAM program and decode it with the MDM step by step, then compare their meters`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { input: { type: "string", default: "3,1,4,1,5,9,2,6" } });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    const input = values.input.split(",").map((v) => (/^-?\d+$/.test(v.trim()) ? Number(v) : Number.NaN));
    if (input.some((v) => !Number.isSafeInteger(v))) throw new UserError("cli/options", `--input must be comma-separated integers, got '${values.input}'`);
    const p = palette(io.color);
    const width = process.stdout.columns ?? 100;
    const pause = process.stdout.isTTY ? () => sleep(150) : async () => {};
    const instance = instantiate(loadProgram(PROGRAM), input.length);
    const run = runPram(instance, input, { trace: true });
    const frames = pramFrames(instance, input, run.trace ?? []);
    const decode = decoders.mdm ? await decoders.mdm(instance, input) : null;
    io.out(p.heading(`apmdm demo: ${PROGRAM} on ${input.join(",")} (n = ${input.length})`) + "\n\n");
    if (decode) {
      for (let k = 0; k <= decode.steps; k++) {
        io.out(`${renderCanvas(decode, k, p, width).join("\n")}\n\n`);
        await pause();
      }
    } else {
      for (let t = 0; t < frames.length; t++) {
        io.out(`${renderPram(instance, frames, t, p, width).join("\n")}\n\n`);
        await pause();
      }
    }
    io.out(`output: ${run.output.join(",")}\n\n`);
    const pramRows = [p.heading("PRAM meters"), ...Object.entries(run.meters).map(([k, v]) => `${k.padEnd(7)} ${String(v).padStart(10)}`)];
    if (decode) {
      const rows = [p.heading(`${decode.label} meters`), ...decode.meters.map(([k, v]) => `${k.padEnd(8)} ${String(v).padStart(12)}`)];
      io.out(`${sideBySide(rows, pramRows, 24).join("\n")}\n`);
    } else {
      io.out(`${pramRows.join("\n")}\n(no MDM decoder in this build yet: the demo shows the PRAM run alone)\n`);
    }
    return 0;
  },
};
