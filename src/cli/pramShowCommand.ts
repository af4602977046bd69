import { UserError } from "../errors.js";
import { MAX_COMPILED_WORD_BITS } from "../mdm/compiledWordLimit.js";
import { formatExpr } from "../pram/formatExpr.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import { formatProgramInstruction } from "../pram/formatProgramInstruction.js";
import { formatInstruction } from "../repl/formatInstruction.js";
import type { Command } from "./command.js";
import { integerOption } from "./integerOption.js";
import { parseOptions } from "./parseOptions.js";

export const pramShowCommand: Command = {
  path: ["pram", "show"],
  usage: "pram show NAME|FILE.pram [--n N]",
  summary: "a program's header (as expressions of n, or evaluated at --n N) and its code",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { n: { type: "string" } });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    const program = loadProgram(positionals[0]);
    const h = program.header;
    const lines = [`${program.name}${program.source ? ` (${program.source.file})` : ""}`];
    const instance = values.n === undefined ? null : instantiate(program, integerOption("--n", values.n, 1));
    if (instance === null) {
      lines.push(
        `  processors P(n) = ${formatExpr(h.processors)}`,
        `  memory     M(n) = ${formatExpr(h.memory)}`,
        `  word       w(n) = ${formatExpr(h.wordBits)} bits`,
        `  registers  R    = ${h.registers}`,
        `  input           ${formatExpr(h.inputMin)} .. ${formatExpr(h.inputMax)}`,
        `  output          mem[${formatExpr(h.outputStart)}], length ${formatExpr(h.outputLength)}`,
        `  steps      T(n) = ${formatExpr(h.steps)}`,
        `  mode            ${h.mode}`,
        ...(h.valid ? [`  valid when      ${formatExpr(h.valid)}`] : []),
      );
    } else {
      const I = instance;
      lines.push(
        `  at n = ${I.n}: P = ${I.processors}, M = ${I.memory}, w = ${I.wordBits} bits, R = ${I.registers}, T = ${I.stepBound}, ${I.mode}`,
        `  input ${I.inputMin}..${I.inputMax}, output mem[${I.outputStart} .. ${I.outputStart + I.outputLength - 1}]`,
        ...(I.wordBits > MAX_COMPILED_WORD_BITS ? [`  not compilable: ${I.wordBits}-bit words exceed the ${MAX_COMPILED_WORD_BITS}-bit limit of compiled models (mdm run and compile refuse it)`] : []),
      );
    }
    const labels = new Map<number, string[]>();
    for (const l of program.labels) labels.set(l.index, [...(labels.get(l.index) ?? []), l.name]);
    program.code.forEach((ins, k) => {
      const label = (labels.get(k) ?? []).map((l) => `${l}:`).join(" ");
      const text = instance ? formatInstruction(instance.code[k]) : formatProgramInstruction(ins);
      lines.push(`  @${String(k).padEnd(3)} ${label.padEnd(10)} ${text}`);
    });
    io.out(`${lines.join("\n")}\n`);
    return 0;
  },
};
