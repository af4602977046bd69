import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { CONFLICT_MODES, type ConflictMode } from "../pram/conflictMode.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { METER_NAMES } from "../pram/pramMeters.js";
import type { PramStep } from "../pram/pramStep.js";
import { runPram } from "../pram/runPram.js";
import { formatInstruction } from "../repl/formatInstruction.js";
import type { Command } from "./command.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";

export const pramRunCommand: Command = {
  path: ["pram", "run"],
  usage: `pram run NAME|FILE.pram --input 3,1,4,1|--input-file FILE [--mode ${CONFLICT_MODES.join("|")}] [--json] [--trace]`,
  summary: "run a PRAM program on the interpreter: its output and meters T, P, W, S, reads, writes (--trace: every step)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      input: { type: "string" },
      "input-file": { type: "string" },
      mode: { type: "string" },
      json: { type: "boolean", default: false },
      trace: { type: "boolean", default: false },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    const file = values["input-file"];
    if (values.input === undefined && file === undefined) throw new UserError("cli/options", "--input is required, e.g. --input 3,1,4,1");
    if (values.input !== undefined && file !== undefined) throw new UserError("cli/options", "give the input once: --input or --input-file, not both");
    const mode = values.mode as ConflictMode | undefined;
    if (mode !== undefined && !CONFLICT_MODES.includes(mode)) throw new UserError("cli/options", `--mode must be one of ${CONFLICT_MODES.join(", ")}, got '${values.mode}'`);
    const input = file === undefined ? parseIntegerList("--input", values.input!) : parseIntegerList("--input-file", readInput(file));
    const declared = instantiate(loadProgram(positionals[0]), input.length);
    const instance = mode ? { ...declared, mode } : declared;
    const run = runPram(instance, input, { trace: values.trace });
    if (values.json) {
      const json = { program: instance.name, n: instance.n, output: run.output, meters: run.meters, ...(run.trace ? { trace: run.trace } : {}) };
      io.out(`${JSON.stringify(json)}\n`);
      return 0;
    }
    const lines = run.trace ? run.trace.map(formatStep) : [];
    lines.push(`${instance.name} (n = ${instance.n}, ${instance.mode}): output ${run.output.join(",")}`);
    lines.push(`  ${METER_NAMES.map((m) => `${m} = ${run.meters[m]}`).join(", ")}`);
    io.out(`${lines.join("\n")}\n`);
    return 0;
  },
};

/** One traced step: each processor that ran, its instruction, and what it read, set and wrote. */
function formatStep(s: PramStep): string {
  const rows = s.processors.map((a) => {
    const parts = [`  p${a.pid} @${a.pc} ${formatInstruction(a.instruction)}`];
    if (a.read) parts.push(`read mem[${a.read.address}] = ${a.read.value}`);
    if (a.register) parts.push(`r${a.register.reg} ← ${a.register.value}`);
    if (a.write) parts.push(`mem[${a.write.address}] ← ${a.write.value}`);
    return parts.join("; ");
  });
  return [`step ${s.step}:`, ...rows].join("\n");
}

/** The text of an --input-file (a list as --input takes it, for inputs beyond the command line's limit). */
function readInput(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (e) {
    throw new UserError("cli/input", `--input-file: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
