import type { Expr } from "./expr.js";
import { formatExpr } from "./formatExpr.js";
import type { ProgramInstruction, ProgramOperand } from "./pramProgram.js";

/** An instruction as written, before instantiation: immediates that are not plain integers in {braces}, jump targets as @index. */
export function formatProgramInstruction(i: ProgramInstruction): string {
  const imm = (e: Expr) => (e.kind === "int" ? String(e.value) : `{${formatExpr(e)}}`);
  const src = (o: ProgramOperand) => (o.kind === "reg" ? `r${o.index}` : o.kind === "imm" ? imm(o.value) : o.kind);
  const target = (o: ProgramOperand) => (o.kind === "imm" && o.value.kind === "int" ? `@${o.value.value}` : src(o));
  const address = (base: ProgramOperand, index: ProgramOperand | null, offset: Expr) =>
    `[${src(base)}${index === null ? "" : ` + ${src(index)}`}${offset.kind === "int" && offset.value === 0 ? "" : ` + ${imm(offset)}`}]`;
  switch (i.op) {
    case "LOAD":
      return `LOAD r${i.dst}, ${address(i.base, i.index, i.offset)}`;
    case "STORE":
      return `STORE ${src(i.src)}, ${address(i.base, i.index, i.offset)}`;
    case "LI":
      return `LI r${i.dst}, ${imm(i.value)}`;
    case "MOV":
      return `MOV r${i.dst}, ${src(i.src)}`;
    case "ALU":
      return `${i.alu} r${i.dst}, ${src(i.a)}, ${src(i.b)}`;
    case "UNARY":
      return `${i.unary} r${i.dst}, ${src(i.src)}`;
    case "SHIFT":
      return `${i.shift} r${i.dst}, ${src(i.src)}, ${src(i.amount)}`;
    case "SEL":
      return `SEL r${i.dst}, ${src(i.cond)}, ${src(i.a)}, ${src(i.b)}`;
    case "JMP":
      return `JMP ${target(i.target)}`;
    case "JZ":
    case "JNZ":
      return `${i.op} ${src(i.cond)}, ${target(i.target)}`;
    case "HALT":
      return "HALT";
  }
}
