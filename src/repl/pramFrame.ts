import { castDraft, produce } from "immer";
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
 * processor and the memory array with its predecessor unless the step changed them. The next pc is the one
 * the interpreter traced.
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
          p.pc = e.next;
          if (e.register) p.registers[e.register.reg] = e.register.value;
        }
        // Highest pid first, so that under CRCW-priority the lowest pid's write is the one that stays.
        for (const e of [...step.processors].sort((a, b) => b.pid - a.pid)) if (e.write) d.memory[e.write.address] = e.write.value;
      }),
    );
  }
  return frames;
}
