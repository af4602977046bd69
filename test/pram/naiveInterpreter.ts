import type { Instruction, Source } from "../../src/pram/instruction.js";
import type { PramInstance } from "../../src/pram/pramInstance.js";

/** What a run ends in: the output and meters, or the error with the fields that locate it. */
export type NaiveOutcome =
  | { readonly kind: "ok"; readonly output: number[]; readonly meters: { T: number; P: number; W: number; S: number; reads: number; writes: number } }
  | { readonly kind: "error"; readonly error: Record<string, unknown> };

interface Processor {
  pc: number | "halted";
  regs: bigint[];
}

/**
 * A second PRAM interpreter, written apart from src/pram/runPram.ts to check it: plain objects, BigInt
 * arithmetic, a Map for memory, each step in two phases (every processor computes what it reads and
 * writes; then conflicts; then the writes commit). Same semantics (docs/semantics.md, PRAM), including
 * which error wins: a processor's own error (lowest pid), else the first forbidden conflict in pid order.
 */
export function naiveRun(inst: PramInstance, input: readonly number[]): NaiveOutcome {
  const fail = (error: Record<string, unknown>): NaiveOutcome => ({ kind: "error", error });
  if (input.length !== inst.n) return fail({ kind: "input", index: null });
  for (let i = 0; i < input.length; i++) if (!Number.isInteger(input[i]) || input[i] < inst.inputMin || input[i] > inst.inputMax) return fail({ kind: "input", index: i });
  const lo = -(1n << BigInt(inst.wordBits - 1));
  const hi = (1n << BigInt(inst.wordBits - 1)) - 1n;
  const memory = new Map<number, bigint>();
  input.forEach((v, i) => memory.set(i, BigInt(v)));
  const read = (a: number) => memory.get(a) ?? 0n;
  const procs: Processor[] = Array.from({ length: inst.processors }, () => ({ pc: 0, regs: Array.from({ length: inst.registers }, () => 0n) }));
  const meters = { T: 0, P: 0, W: 0, S: inst.memory, reads: 0, writes: 0 };
  for (let step = 1; ; step++) {
    const running = procs.map((p, pid) => ({ p, pid })).filter(({ p }) => p.pc !== "halted");
    if (running.length === 0) break;
    if (step > inst.stepBound) return fail({ kind: "step-bound", bound: inst.stepBound, running: running.length });
    meters.T = step;
    meters.P = Math.max(meters.P, running.length);
    meters.W += running.length;
    const effects: { pid: number; readAt: number | null; write: { at: number; value: bigint } | null; reg: { r: number; value: bigint } | null; next: number | "halted" }[] = [];
    for (const { p, pid } of running) {
      const pc = p.pc as number;
      const ins: Instruction = inst.code[pc];
      const val = (s: Source): bigint =>
        s.kind === "reg" ? p.regs[s.index] : s.kind === "pid" ? BigInt(pid) : s.kind === "n" ? BigInt(inst.n) : s.kind === "np" ? BigInt(inst.processors) : BigInt(s.value);
      const where = { step, pid, pc };
      const word = (op: string, x: bigint) => (x < lo || x > hi ? { kind: "overflow", op, value: x.toString(), ...where } : null);
      let readAt: number | null = null;
      let write: { at: number; value: bigint } | null = null;
      let reg: { r: number; value: bigint } | null = null;
      let next: number | "halted" = pc + 1;
      const jumpTo = (t: Source): number | Record<string, unknown> => {
        const target = Number(val(t));
        return target >= 0 && target < inst.code.length ? target : { kind: "jump", target, length: inst.code.length, ...where };
      };
      if (ins.op === "LOAD" || ins.op === "STORE") {
        const at = Number(val(ins.base)) + (ins.index === null ? 0 : Number(val(ins.index))) + ins.offset;
        if (at < 0 || at >= inst.memory) return fail({ kind: "address", address: at, access: ins.op === "LOAD" ? "read" : "write", ...where });
        if (ins.op === "LOAD") {
          readAt = at;
          reg = { r: ins.dst, value: read(at) };
          meters.reads++;
        } else {
          write = { at, value: val(ins.src) };
          meters.writes++;
        }
      } else if (ins.op === "LI") reg = { r: ins.dst, value: BigInt(ins.value) };
      else if (ins.op === "MOV") reg = { r: ins.dst, value: val(ins.src) };
      else if (ins.op === "ALU") {
        const a = val(ins.a);
        const b = val(ins.b);
        const bool = (c: boolean) => (c ? 1n : 0n);
        if ((ins.alu === "DIV" || ins.alu === "MOD") && b === 0n) return fail({ kind: "division", op: ins.alu, dividend: Number(a), ...where });
        // BigInt division truncates; floor it: the quotient is one less when the signs differ and it is inexact.
        const q = b === 0n ? 0n : a / b - (a % b !== 0n && a < 0n !== b < 0n ? 1n : 0n);
        const results: Record<typeof ins.alu, bigint> = {
          ADD: a + b, SUB: a - b, MUL: a * b, DIV: q, MOD: a - b * q, MIN: a < b ? a : b, MAX: a > b ? a : b,
          AND: a & b, OR: a | b, XOR: a ^ b, LT: bool(a < b), LE: bool(a <= b), GT: bool(a > b), GE: bool(a >= b), EQ: bool(a === b), NE: bool(a !== b),
        };
        const r = results[ins.alu];
        const bad = word(ins.alu, r);
        if (bad) return fail(bad);
        reg = { r: ins.dst, value: r };
      } else if (ins.op === "UNARY") {
        const r = ins.unary === "NEG" ? -val(ins.src) : ~val(ins.src);
        const bad = word(ins.unary, r);
        if (bad) return fail(bad);
        reg = { r: ins.dst, value: r };
      } else if (ins.op === "SEL") reg = { r: ins.dst, value: val(ins.cond) !== 0n ? val(ins.a) : val(ins.b) };
      else if (ins.op === "SHIFT") {
        const a = val(ins.src);
        const k = val(ins.amount);
        if (k < 0n || k >= BigInt(inst.wordBits)) return fail({ kind: "shift", op: ins.shift, amount: Number(k), wordBits: inst.wordBits, ...where });
        const r = ins.shift === "SHL" ? a * (1n << k) : a >> k;
        const bad = word(ins.shift, r);
        if (bad) return fail(bad);
        reg = { r: ins.dst, value: r };
      } else if (ins.op === "JMP" || (ins.op === "JZ" && val(ins.cond) === 0n) || (ins.op === "JNZ" && val(ins.cond) !== 0n)) {
        const to = jumpTo(ins.target);
        if (typeof to !== "number") return fail(to);
        next = to;
      } else if (ins.op === "HALT") next = "halted";
      if (next === inst.code.length) return fail({ kind: "fell-off-end", step, pid, pc: inst.code.length });
      effects.push({ pid, readAt, write, reg, next });
    }
    for (let k = 0; k < effects.length; k++) {
      const e = effects[k];
      const earlier = effects.slice(0, k);
      if (inst.mode === "EREW" && e.readAt !== null) {
        const first = earlier.find((o) => o.readAt === e.readAt);
        if (first) return fail({ kind: "conflict", mode: inst.mode, step, pids: [first.pid, e.pid], address: e.readAt, access: "read", values: null });
      }
      if (e.write && inst.mode !== "CRCW-priority") {
        const first = earlier.find((o) => o.write?.at === e.write!.at);
        if (first && (inst.mode !== "CRCW-common" || first.write!.value !== e.write.value)) {
          const values = inst.mode === "CRCW-common" ? [Number(first.write!.value), Number(e.write.value)] : null;
          return fail({ kind: "conflict", mode: inst.mode, step, pids: [first.pid, e.pid], address: e.write.at, access: "write", values });
        }
      }
    }
    for (const e of [...effects].reverse()) if (e.write) memory.set(e.write.at, e.write.value);
    for (const e of effects) {
      if (e.reg) procs[e.pid].regs[e.reg.r] = e.reg.value;
      procs[e.pid].pc = e.next;
    }
  }
  const output = Array.from({ length: inst.outputLength }, (_, k) => Number(read(inst.outputStart + k)));
  return { kind: "ok", output, meters };
}
