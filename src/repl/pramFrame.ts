import { castDraft, produce } from "immer";
import { match } from "ts-pattern";
import type { Source } from "../pram/instruction.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { PramStep } from "../pram/pramStep.js";

/** The PRAM machine after `step` parallel steps: each processor's pc (or halted) and registers, and memory. */
export interface PramFrame {
  readonly step: number;
  readonly processors: readonly { readonly pc: number | "halted"; readonly registers: readonly number[] }[];
  readonly memory: readonly number[];
  /** The step that led here (null in frame 0). */
  readonly last: PramStep | null;
}

/**
 * Frames 0 … T of a traced run, each produced from the one before with immer, so a frame shares every
 * processor and the memory array with its predecessor unless the step changed them. The next pc is
 * derived from the instruction and the registers before the step, exactly as the interpreter does.
 */
export function pramFrames(instance: PramInstance, input: readonly number[], trace: readonly PramStep[]): PramFrame[] {
  const memory = Array.from({ length: instance.memory }, (_, a) => (a < input.length ? input[a] : 0));
  const processors = Array.from({ length: instance.processors }, () => ({ pc: 0 as number | "halted", registers: new Array<number>(instance.registers).fill(0) }));
  const frames: PramFrame[] = [{ step: 0, processors, memory, last: null }];
  for (const step of trace) {
    const before = frames[frames.length - 1];
    frames.push(
      produce(before, (d) => {
        d.step += 1;
        d.last = castDraft(step);
        for (const e of step.processors) {
          const p = d.processors[e.pid];
          const registers = before.processors[e.pid].registers;
          const value = (s: Source): number =>
            match(s)
              .with({ kind: "reg" }, (r) => registers[r.index])
              .with({ kind: "pid" }, () => e.pid)
              .with({ kind: "n" }, () => instance.n)
              .with({ kind: "np" }, () => instance.processors)
              .with({ kind: "imm" }, (r) => r.value)
              .exhaustive();
          p.pc = match(e.instruction)
            .with({ op: "HALT" }, () => "halted" as const)
            .with({ op: "JMP" }, (i) => i.target)
            .with({ op: "JZ" }, (i) => (value(i.cond) === 0 ? i.target : e.pc + 1))
            .with({ op: "JNZ" }, (i) => (value(i.cond) !== 0 ? i.target : e.pc + 1))
            .otherwise(() => e.pc + 1);
          if (e.register) p.registers[e.register.reg] = e.register.value;
        }
        // Highest pid first, so that under CRCW-priority the lowest pid's write is the one that stays.
        for (const e of [...step.processors].sort((a, b) => b.pid - a.pid)) if (e.write) d.memory[e.write.address] = e.write.value;
      }),
    );
  }
  return frames;
}
