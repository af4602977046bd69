import { match } from "ts-pattern";
import type { Instruction, Source } from "../pram/instruction.js";

/** An instruction in `.pram` syntax, e.g. "LOAD r3, [r3 + 4]" (jump targets as instruction indices). */
export function formatInstruction(i: Instruction): string {
  const address = (base: Source, index: Source | null, offset: number) =>
    `[${source(base)}${index === null ? "" : ` + ${source(index)}`}${offset === 0 ? "" : offset > 0 ? ` + ${offset}` : ` - ${-offset}`}]`;
  const target = (t: Source) => (t.kind === "imm" ? `@${t.value}` : source(t));
  return match(i)
    .with({ op: "LOAD" }, (x) => `LOAD r${x.dst}, ${address(x.base, x.index, x.offset)}`)
    .with({ op: "STORE" }, (x) => `STORE ${source(x.src)}, ${address(x.base, x.index, x.offset)}`)
    .with({ op: "LI" }, (x) => `LI r${x.dst}, ${x.value}`)
    .with({ op: "MOV" }, (x) => `MOV r${x.dst}, ${source(x.src)}`)
    .with({ op: "ALU" }, (x) => `${x.alu} r${x.dst}, ${source(x.a)}, ${source(x.b)}`)
    .with({ op: "UNARY" }, (x) => `${x.unary} r${x.dst}, ${source(x.src)}`)
    .with({ op: "SHIFT" }, (x) => `${x.shift} r${x.dst}, ${source(x.src)}, ${source(x.amount)}`)
    .with({ op: "SEL" }, (x) => `SEL r${x.dst}, ${source(x.cond)}, ${source(x.a)}, ${source(x.b)}`)
    .with({ op: "JMP" }, (x) => `JMP ${target(x.target)}`)
    .with({ op: "JZ" }, (x) => `JZ ${source(x.cond)}, ${target(x.target)}`)
    .with({ op: "JNZ" }, (x) => `JNZ ${source(x.cond)}, ${target(x.target)}`)
    .with({ op: "HALT" }, () => "HALT")
    .exhaustive();
}

function source(s: Source): string {
  return match(s)
    .with({ kind: "reg" }, (r) => `r${r.index}`)
    .with({ kind: "pid" }, () => "pid")
    .with({ kind: "n" }, () => "n")
    .with({ kind: "np" }, () => "np")
    .with({ kind: "imm" }, (r) => String(r.value))
    .exhaustive();
}
