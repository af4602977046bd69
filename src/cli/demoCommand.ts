import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "../errors.js";
import { simulate } from "../mdm/simulate.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import { mdmDecodeView } from "../repl/mdmDecodeView.js";
import { palette } from "../repl/palette.js";
import { pramFrames } from "../repl/pramFrame.js";
import { renderView } from "../repl/renderView.js";
import { sideBySide } from "../repl/sideBySide.js";
import type { Command } from "./command.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";

const PROGRAM = "prefix-sums";

/**
 * `npm start`: compiles prefix sums for the input's length to transformer weights, decodes it with the MDM
 * one forward pass per step, prints each step's canvas beside the PRAM at the matching parallel step
 * (paced on a terminal), then both outputs and the two sets of meters side by side.
 */
export const demoCommand: Command = {
  path: ["demo"],
  usage: "demo [--input 3,1,4,1]",
  summary: `compile the ${PROGRAM} PRAM program to an MDM, decode it step by step beside the PRAM, and compare outputs and meters`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { input: { type: "string", default: "3,1,4,1" } });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    const input = parseIntegerList("--input", values.input);
    const p = palette(io.color);
    const width = process.stdout.columns ?? 120;
    const pause = process.stdout.isTTY ? () => sleep(150) : async () => {};
    const instance = instantiate(loadProgram(PROGRAM), input.length);
    const pram = runPram(instance, input, { trace: true });
    const run = simulate(instance, input, { model: "mdm", trace: true });
    const decode = mdmDecodeView(run, null);
    const session = { instance, input, output: pram.output, pram: pramFrames(instance, input, pram.trace ?? []), decode };
    io.out(`${p.heading(`apmdm demo: ${PROGRAM} on ${input.join(",")} (n = ${input.length}), compiled to ${run.meters.layers} layers and decoded as an MDM`)}\n\n`);
    for (let k = 0; k <= decode.steps; k++) {
      io.out(`${renderView(session, k, { palette: p, width })}\n\n`);
      await pause();
    }
    const same = run.output.every((v, i) => v === pram.output[i]);
    io.out(`MDM output:  ${run.output.join(",")}\nPRAM output: ${pram.output.join(",")}  ${same ? "(equal)" : "(DIFFERENT)"}\n\n`);
    const pramRows = [p.heading("PRAM meters"), ...Object.entries(pram.meters).map(([k, v]) => `${k.padEnd(7)} ${String(v).padStart(10)}`)];
    const rows = [p.heading(`${decode.label} meters`), ...decode.meters.map(([k, v]) => `${k.padEnd(8)} ${String(v).padStart(12)}`)];
    io.out(`${sideBySide(rows, pramRows, 26).join("\n")}\n`);
    return same ? 0 : 1;
  },
};
