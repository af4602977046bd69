import { CONST, type CompiledCode, compiledCode, OP, OP_NAME, PID, REG } from "./compiledCode.js";
import { PramError } from "./pramError.js";
import type { PramInstance } from "./pramInstance.js";
import type { PramMeters } from "./pramMeters.js";
import type { PramStep, ProcessorAction } from "./pramStep.js";

export interface PramRun {
  /** mem[outputStart .. outputStart + outputLength − 1] after the last step. */
  readonly output: number[];
  readonly meters: PramMeters;
  /** The whole memory after the last step. */
  readonly memory: Int32Array;
  /** Every parallel step, when traced. */
  readonly trace: PramStep[] | null;
}

/**
 * Runs a PRAM instance on an input of length n (docs/semantics.md, "PRAM"). One parallel step: every
 * running processor executes the instruction at its pc, in pid order; loads see the memory as it was at the
 * start of the step; stores are buffered and commit together at its end (under CRCW-priority the lowest
 * pid's store to a cell wins). The run ends when every processor has halted.
 *
 * Errors, each a PramError naming step, processor and pc: within a step, a processor's own error (address,
 * overflow, division, shift, jump, fell-off-end) is raised first, lowest pid first; only if there is none, the first conflict the
 * mode forbids, scanning processors in pid order (each one's read, then its write, against lower pids).
 * Starting step T(n)+1 with processors still running is a step-bound error.
 *
 * The hot loop runs over typed arrays (code compiled by `compiledCode`, registers and memory as Int32Array:
 * words have at most 32 bits) and allocates nothing per step unless a trace is asked for. One processor
 * (untraced) takes a faster loop, runOneProcessor, with the same results, meters and errors bit for bit
 * (test/pram/oneProcessor.test.ts runs both); `plain: true` forces the general loop.
 */
/** Access stamps are steps modulo this (Int32Array cells; T itself may reach 2^52 / P). */
const STAMPS = 2 ** 31 - 1;

export function runPram(instance: PramInstance, input: readonly number[], options: { trace?: boolean; plain?: boolean } = {}): PramRun {
  const { n, processors: P, memory: M, registers: R, mode, wordBits, stepBound, name: program } = instance;
  checkInput(instance, input);
  const code = compiledCode(instance);
  if (P === 1 && !options.trace && !options.plain) return runOneProcessor(instance, code, input);
  const { op, aKind, aVal, bKind, bVal, cKind, cVal, dst, imm } = code;
  const L = code.length;
  const minWord = -(2 ** (wordBits - 1));
  const maxWord = 2 ** (wordBits - 1) - 1;

  const memory = new Int32Array(M);
  memory.set(input);
  const pc = new Int32Array(P);
  const regs = new Int32Array(P * R);
  const writeAddr = new Int32Array(P);
  const writeVal = new Int32Array(P);
  // Per-cell marks of this step's accesses, stamped with the step's number modulo STAMPS (no clearing
  // between steps; cleared once every STAMPS steps, so a stamp is never left over from an earlier round).
  const readStep = mode === "EREW" ? new Int32Array(M) : null;
  const readPid = mode === "EREW" ? new Int32Array(M) : null;
  const writeStep = mode === "CRCW-priority" ? null : new Int32Array(M);
  const firstWriter = mode === "CRCW-priority" ? null : new Int32Array(M);
  const firstValue = mode === "CRCW-priority" ? null : new Int32Array(M);
  const trace: PramStep[] | null = options.trace ? [] : null;

  let running = P;
  let T = 0;
  let maxRunning = 0;
  let W = 0;
  let reads = 0;
  let writes = 0;
  while (running > 0) {
    const step = T + 1;
    const stamp = step % STAMPS;
    if (stamp === 0) {
      readStep?.fill(-1);
      writeStep?.fill(-1);
    }
    if (step > stepBound) throw new PramError({ kind: "step-bound", program, bound: stepBound, running });
    T = step;
    maxRunning = Math.max(maxRunning, running);
    W += running;
    let nWrites = 0;
    let conflict: PramError | null = null;
    const actions: ProcessorAction[] | null = trace ? [] : null;
    for (let p = 0; p < P; p++) {
      const k = pc[p];
      if (k < 0) continue;
      const base = p * R;
      const o = op[k];
      const a = aKind[k] === CONST ? aVal[k] : aKind[k] === PID ? p : regs[base + aVal[k]];
      const b = bKind[k] === CONST ? bVal[k] : bKind[k] === PID ? p : regs[base + bVal[k]];
      const c = cKind[k] === CONST ? cVal[k] : cKind[k] === PID ? p : regs[base + cVal[k]];
      let next = k + 1;
      let result = 0;
      let hasResult = false;
      let readAddress = -1;
      let writeAddress = -1;
      switch (o) {
        case OP.LOAD: {
          const address = a + c + imm[k];
          if (address < 0 || address >= M) throw machineError(instance, step, p, k, { kind: "address", address, access: "read", memory: M });
          result = memory[address];
          hasResult = true;
          readAddress = address;
          reads++;
          break;
        }
        case OP.STORE: {
          const address = a + c + imm[k];
          if (address < 0 || address >= M) throw machineError(instance, step, p, k, { kind: "address", address, access: "write", memory: M });
          writeAddress = address;
          result = b;
          writes++;
          break;
        }
        case OP.LI:
          result = imm[k];
          hasResult = true;
          break;
        case OP.MOV:
          result = a;
          hasResult = true;
          break;
        case OP.SEL:
          result = c !== 0 ? a : b;
          hasResult = true;
          break;
        case OP.JMP:
        case OP.JZ:
        case OP.JNZ:
          if (o === OP.JMP || (o === OP.JZ) === (a === 0)) {
            if (b < 0 || b >= L) throw machineError(instance, step, p, k, { kind: "jump", target: b, length: L });
            next = b;
          }
          break;
        case OP.HALT:
          next = -1;
          running--;
          break;
        default: {
          if ((o === OP.DIV || o === OP.MOD) && b === 0) throw machineError(instance, step, p, k, { kind: "division", op: o === OP.DIV ? "DIV" : "MOD", dividend: a });
          if ((o === OP.SHL || o === OP.SHR) && (b < 0 || b >= wordBits)) throw machineError(instance, step, p, k, { kind: "shift", op: o === OP.SHL ? "SHL" : "SHR", amount: b, wordBits });
          result = alu(o, a, b);
          if (result < minWord || result > maxWord) {
            throw machineError(instance, step, p, k, { kind: "overflow", op: OP_NAME[o], value: exactValue(o, a, b), wordBits });
          }
          hasResult = true;
        }
      }
      if (hasResult) regs[base + dst[k]] = result;
      if (next === L) throw new PramError({ kind: "fell-off-end", program, step, pid: p, pc: L });
      pc[p] = next;
      if (conflict === null) {
        if (readStep !== null && readPid !== null && readAddress >= 0) {
          if (readStep[readAddress] === stamp) conflict = conflictError(instance, step, readPid[readAddress], p, readAddress, "read", null);
          readStep[readAddress] = stamp;
          readPid[readAddress] = p;
        }
        if (conflict === null && writeStep !== null && firstWriter !== null && firstValue !== null && writeAddress >= 0) {
          if (writeStep[writeAddress] !== stamp) {
            writeStep[writeAddress] = stamp;
            firstWriter[writeAddress] = p;
            firstValue[writeAddress] = result;
          } else if (mode !== "CRCW-common" || firstValue[writeAddress] !== result) {
            const values = mode === "CRCW-common" ? ([firstValue[writeAddress], result] as const) : null;
            conflict = conflictError(instance, step, firstWriter[writeAddress], p, writeAddress, "write", values);
          }
        }
      }
      if (writeAddress >= 0) {
        writeAddr[nWrites] = writeAddress;
        writeVal[nWrites] = result;
        nWrites++;
      }
      actions?.push({
        pid: p,
        pc: k,
        instruction: instance.code[k],
        read: readAddress >= 0 ? { address: readAddress, value: result } : null,
        register: hasResult ? { reg: dst[k], value: result } : null,
        write: writeAddress >= 0 ? { address: writeAddress, value: result } : null,
        next: next < 0 ? "halted" : next,
      });
    }
    if (conflict !== null) throw conflict;
    // Highest pid first, so the lowest pid's store to a cell is the one that stays (CRCW-priority).
    for (let w = nWrites - 1; w >= 0; w--) memory[writeAddr[w]] = writeVal[w];
    if (actions) trace?.push({ step, processors: actions });
  }
  return {
    output: Array.from(memory.subarray(instance.outputStart, instance.outputStart + instance.outputLength)),
    meters: { T, P: maxRunning, W, S: M, reads, writes },
    memory,
    trace,
  };
}

/**
 * runPram's loop for a single processor: no conflicts are possible and a step is one instruction, so a
 * store commits at once, and every operand is a slot of one Float64Array (the registers, then each
 * instruction's constants: pid is 0, n and np are folded), read without a kind test. Errors are those of
 * the general loop, raised in the same order (its own error, then fell-off-end; the step bound first).
 */
function runOneProcessor(instance: PramInstance, code: CompiledCode, input: readonly number[]): PramRun {
  const { memory: M, registers: R, wordBits, stepBound, name: program } = instance;
  const { op, dst, imm, length: L } = code;
  const minWord = -(2 ** (wordBits - 1));
  const maxWord = 2 ** (wordBits - 1) - 1;
  const memory = new Int32Array(M);
  memory.set(input);
  const file = new Float64Array(R + 3 * L);
  const slot = (kind: Uint8Array, val: Float64Array, which: number): Int32Array => {
    const s = new Int32Array(L);
    for (let k = 0; k < L; k++) {
      if (kind[k] === REG) s[k] = val[k];
      else {
        s[k] = R + 3 * k + which;
        file[s[k]] = kind[k] === PID ? 0 : val[k];
      }
    }
    return s;
  };
  const sa = slot(code.aKind, code.aVal, 0);
  const sb = slot(code.bKind, code.bVal, 1);
  const sc = slot(code.cKind, code.cVal, 2);
  let k = 0;
  let T = 0;
  let reads = 0;
  let writes = 0;
  for (;;) {
    if (T === stepBound) throw new PramError({ kind: "step-bound", program, bound: stepBound, running: 1 });
    T++;
    const o = op[k];
    let next = k + 1;
    switch (o) {
      case OP.LOAD: {
        const address = file[sa[k]] + file[sc[k]] + imm[k];
        if (address < 0 || address >= M) throw machineError(instance, T, 0, k, { kind: "address", address, access: "read", memory: M });
        file[dst[k]] = memory[address];
        reads++;
        break;
      }
      case OP.STORE: {
        const address = file[sa[k]] + file[sc[k]] + imm[k];
        if (address < 0 || address >= M) throw machineError(instance, T, 0, k, { kind: "address", address, access: "write", memory: M });
        memory[address] = file[sb[k]];
        writes++;
        break;
      }
      case OP.LI:
        file[dst[k]] = imm[k];
        break;
      case OP.MOV:
        file[dst[k]] = file[sa[k]];
        break;
      case OP.SEL:
        file[dst[k]] = file[sc[k]] !== 0 ? file[sa[k]] : file[sb[k]];
        break;
      case OP.JMP:
      case OP.JZ:
      case OP.JNZ:
        if (o === OP.JMP || (o === OP.JZ) === (file[sa[k]] === 0)) {
          const b = file[sb[k]];
          if (b < 0 || b >= L) throw machineError(instance, T, 0, k, { kind: "jump", target: b, length: L });
          next = b;
        }
        break;
      case OP.HALT:
        return { output: Array.from(memory.subarray(instance.outputStart, instance.outputStart + instance.outputLength)), meters: { T, P: 1, W: T, S: M, reads, writes }, memory, trace: null };
      default: {
        const a = file[sa[k]];
        const b = file[sb[k]];
        if ((o === OP.DIV || o === OP.MOD) && b === 0) throw machineError(instance, T, 0, k, { kind: "division", op: o === OP.DIV ? "DIV" : "MOD", dividend: a });
        if ((o === OP.SHL || o === OP.SHR) && (b < 0 || b >= wordBits)) throw machineError(instance, T, 0, k, { kind: "shift", op: o === OP.SHL ? "SHL" : "SHR", amount: b, wordBits });
        const result = alu(o, a, b);
        if (result < minWord || result > maxWord) throw machineError(instance, T, 0, k, { kind: "overflow", op: OP_NAME[o], value: exactValue(o, a, b), wordBits });
        file[dst[k]] = result | 0; // a word: | 0 only turns −0 into 0, as the Int32Array registers do
      }
    }
    if (next === L) throw new PramError({ kind: "fell-off-end", program, step: T, pid: 0, pc: L });
    k = next;
  }
}

/** An ALU, unary or shift result (b the shift amount, in [0, w)), exact while it is a word (|a|, |b| < 2^31): callers range-check it. */
function alu(o: number, a: number, b: number): number {
  switch (o) {
    case OP.ADD:
      return a + b;
    case OP.SUB:
      return a - b;
    case OP.MUL:
      return a * b;
    case OP.DIV:
      return Math.floor(a / b);
    case OP.MOD:
      return a - b * Math.floor(a / b);
    case OP.MIN:
      return a < b ? a : b;
    case OP.MAX:
      return a > b ? a : b;
    case OP.AND:
      return a & b;
    case OP.OR:
      return a | b;
    case OP.XOR:
      return a ^ b;
    case OP.LT:
      return a < b ? 1 : 0;
    case OP.LE:
      return a <= b ? 1 : 0;
    case OP.GT:
      return a > b ? 1 : 0;
    case OP.GE:
      return a >= b ? 1 : 0;
    case OP.EQ:
      return a === b ? 1 : 0;
    case OP.NE:
      return a !== b ? 1 : 0;
    case OP.NEG:
      return -a || 0;
    case OP.NOT:
      return -a - 1;
    case OP.SHL:
      return a * 2 ** b;
    default:
      return Math.floor(a / 2 ** b);
  }
}

/** The exact decimal of an overflowing result (a product of two 32-bit words may not be exact in float64). */
function exactValue(o: number, a: number, b: number): string {
  if (o === OP.MUL) return (BigInt(a) * BigInt(b)).toString();
  if (o === OP.SHL) return (BigInt(a) << BigInt(b)).toString();
  return String(alu(o, a, b));
}

type MachineDetail =
  | { readonly kind: "address"; readonly address: number; readonly access: "read" | "write"; readonly memory: number }
  | { readonly kind: "overflow"; readonly op: string; readonly value: string; readonly wordBits: number }
  | { readonly kind: "division"; readonly op: "DIV" | "MOD"; readonly dividend: number }
  | { readonly kind: "shift"; readonly op: "SHL" | "SHR"; readonly amount: number; readonly wordBits: number }
  | { readonly kind: "jump"; readonly target: number; readonly length: number };

/** A processor's own error, placed at its step, pid, pc and source line. */
function machineError(instance: PramInstance, step: number, pid: number, pc: number, detail: MachineDetail): PramError {
  return new PramError({ ...detail, program: instance.name, step, pid, pc, line: instance.lines[pc] ?? 0 });
}

function conflictError(instance: PramInstance, step: number, first: number, pid: number, address: number, access: "read" | "write", values: readonly [number, number] | null) {
  return new PramError({ kind: "conflict", program: instance.name, mode: instance.mode, step, pids: [first, pid], address, access, values });
}

function checkInput(instance: PramInstance, input: readonly number[]): void {
  const fail = (index: number | null, reason: string): never => {
    throw new PramError({ kind: "input", program: instance.name, index, reason });
  };
  if (input.length !== instance.n) fail(null, `${input.length} values for n = ${instance.n}`);
  input.forEach((x, i) => {
    if (!Number.isInteger(x) || x < instance.inputMin || x > instance.inputMax) fail(i, `${x} is outside ${instance.inputMin}..${instance.inputMax}`);
  });
}
