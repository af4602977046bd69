import type { PramInstance } from "../pram/pramInstance.js";
import { formatInstruction } from "./formatInstruction.js";
import type { Palette } from "./palette.js";
import type { PramFrame } from "./pramFrame.js";
import { visibleWidth } from "./visibleWidth.js";

/**
 * A PRAM frame as rows: per processor its pc and registers (changed ones marked) and what it did in the
 * step that led here; then memory, cells written by that step marked, wrapped to `width`.
 */
export function renderPram(instance: PramInstance, frames: readonly PramFrame[], t: number, p: Palette, width: number): string[] {
  const frame = frames[t];
  const before = t > 0 ? frames[t - 1] : null;
  const did = new Map((frame.last?.processors ?? []).map((e) => [e.pid, e]));
  const out = [p.heading(`PRAM ${instance.name}, n=${instance.n}, ${instance.mode}: after step ${t}/${frames.length - 1}`)];
  frame.processors.forEach((proc, pid) => {
    const regs = proc.registers.map((v, r) => (before && before.processors[pid].registers[r] !== v ? p.changed(String(v)) : String(v)));
    const pc = proc.pc === "halted" ? "halt" : `@${proc.pc}`;
    const e = did.get(pid);
    const action = e ? `  ${formatInstruction(e.instruction)}${e.write ? ` → mem[${e.write.address}]=${e.write.value}` : ""}` : "";
    out.push(`p${pid} ${pc.padEnd(5)} ${regs.join(" ")}${action}`);
  });
  const written = new Set((frame.last?.processors ?? []).flatMap((e) => (e.write ? [e.write.address] : [])));
  const cells = frame.memory.map((v, a) => (written.has(a) ? p.changed(`${a}:${v}`) : `${a}:${v}`));
  let line = "mem";
  let onLine = 0;
  for (const c of cells) {
    if (onLine > 0 && visibleWidth(line) + 1 + visibleWidth(c) > width) {
      out.push(line);
      line = "   ";
      onLine = 0;
    }
    line += ` ${c}`;
    onLine++;
  }
  out.push(line);
  return out;
}
