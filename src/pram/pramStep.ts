import type { Instruction } from "./instruction.js";

/** What one processor did in one parallel step (traced runs only). */
export interface ProcessorAction {
  readonly pid: number;
  /** The pc it executed, and the instruction there. */
  readonly pc: number;
  readonly instruction: Instruction;
  /** A LOAD's cell and the start-of-step value it read. */
  readonly read: { readonly address: number; readonly value: number } | null;
  /** The register it wrote, if any. */
  readonly register: { readonly reg: number; readonly value: number } | null;
  /** A STORE's cell and value (under CRCW-priority it may lose to a lower pid). */
  readonly write: { readonly address: number; readonly value: number } | null;
  /** Its pc after the step. */
  readonly next: number | "halted";
}

/** One parallel step of a traced run: every processor that ran, in pid order. */
export interface PramStep {
  /** 1-based. */
  readonly step: number;
  readonly processors: readonly ProcessorAction[];
}
