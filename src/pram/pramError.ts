import { match } from "ts-pattern";
import { UserError } from "../errors.js";
import type { ConflictMode } from "./conflictMode.js";
import { formatLocation, type SourceLocation } from "./sourceLocation.js";

/** Where a running processor was when it failed: step (1-based), pid, pc and the pc's source line (0 if built in TS). */
export interface MachinePlace {
  readonly program: string;
  readonly step: number;
  readonly pid: number;
  readonly pc: number;
  readonly line: number;
}

/** Everything a user can get wrong about a PRAM program or its input, by kind. */
export type PramErrorDetail =
  | { readonly kind: "syntax"; readonly at: SourceLocation; readonly reason: string }
  | { readonly kind: "unknown-instruction"; readonly at: SourceLocation; readonly mnemonic: string }
  | { readonly kind: "unknown-label"; readonly at: SourceLocation | null; readonly label: string }
  | { readonly kind: "duplicate-label"; readonly at: SourceLocation | null; readonly label: string }
  | { readonly kind: "bad-register"; readonly at: SourceLocation | null; readonly register: string; readonly registers: number }
  /** A header that is missing, repeated, malformed, or does not evaluate to a sensible machine at this n. */
  | { readonly kind: "header"; readonly at: SourceLocation | null; readonly program: string; readonly reason: string }
  /** A `{…}` immediate (or a shift amount) that does not evaluate to a word at this n. */
  | { readonly kind: "immediate"; readonly at: SourceLocation | null; readonly program: string; readonly n: number; readonly reason: string }
  | { readonly kind: "input"; readonly program: string; readonly index: number | null; readonly reason: string }
  | ({ readonly kind: "address"; readonly address: number; readonly memory: number; readonly access: "read" | "write" } & MachinePlace)
  /** An arithmetic result outside the word range; value is its exact decimal. */
  | ({ readonly kind: "overflow"; readonly op: string; readonly value: string; readonly wordBits: number } & MachinePlace)
  /** DIV or MOD by zero. */
  | ({ readonly kind: "division"; readonly op: "DIV" | "MOD"; readonly dividend: number } & MachinePlace)
  /** SHL or SHR by an amount outside [0, w). */
  | ({ readonly kind: "shift"; readonly op: "SHL" | "SHR"; readonly amount: number; readonly wordBits: number } & MachinePlace)
  /** A taken jump to a target outside [0, L). */
  | ({ readonly kind: "jump"; readonly target: number; readonly length: number } & MachinePlace)
  /**
   * Two processors touched one cell in one step in a way the mode forbids: pids = [the first to touch it,
   * the one that broke the rule] (the interpreter scans processors in pid order); values = the two
   * written values for a CRCW-common disagreement, else null.
   */
  | {
      readonly kind: "conflict";
      readonly program: string;
      readonly mode: ConflictMode;
      readonly step: number;
      readonly pids: readonly [number, number];
      readonly address: number;
      readonly access: "read" | "write";
      readonly values: readonly [number, number] | null;
    }
  /** Step bound+1 would have run: `running` processors had not halted. */
  | { readonly kind: "step-bound"; readonly program: string; readonly bound: number; readonly running: number }
  /** A processor's pc reached the end of the code without a HALT. */
  | { readonly kind: "fell-off-end"; readonly program: string; readonly step: number; readonly pid: number; readonly pc: number }
  | { readonly kind: "unknown-program"; readonly name: string; readonly library: readonly string[] }
  /** A `.pram` file that cannot be read. */
  | { readonly kind: "file"; readonly path: string; readonly reason: string };

export type PramErrorKind = PramErrorDetail["kind"];

export const PRAM_ERROR_KINDS: readonly PramErrorKind[] = [
  "syntax",
  "unknown-instruction",
  "unknown-label",
  "duplicate-label",
  "bad-register",
  "header",
  "immediate",
  "input",
  "address",
  "overflow",
  "division",
  "shift",
  "jump",
  "conflict",
  "step-bound",
  "fell-off-end",
  "unknown-program",
  "file",
];

/** A PRAM UserError; `code` is "pram/KIND", the message names the place (file:line:col, or step/pid/pc). */
export class PramError extends UserError {
  constructor(readonly detail: PramErrorDetail) {
    super(`pram/${detail.kind}`, describe(detail));
    this.name = "PramError";
  }
}

function describe(d: PramErrorDetail): string {
  const at = (loc: SourceLocation | null) => (loc ? `${formatLocation(loc)}: ` : "");
  const place = (p: MachinePlace) => `${p.program}: step ${p.step}, processor ${p.pid}, pc ${p.pc}${p.line > 0 ? ` (line ${p.line})` : ""}: `;
  return match(d)
    .with({ kind: "syntax" }, (x) => `${at(x.at)}syntax error: ${x.reason}`)
    .with({ kind: "unknown-instruction" }, (x) => `${at(x.at)}unknown instruction '${x.mnemonic}'`)
    .with({ kind: "unknown-label" }, (x) => `${at(x.at)}unknown label '${x.label}'`)
    .with({ kind: "duplicate-label" }, (x) => `${at(x.at)}label '${x.label}' is defined twice`)
    .with({ kind: "bad-register" }, (x) => `${at(x.at)}bad register '${x.register}' (the program declares .registers ${x.registers}: r0..r${x.registers - 1})`)
    .with({ kind: "header" }, (x) => `${at(x.at)}${x.program}: header: ${x.reason}`)
    .with({ kind: "immediate" }, (x) => `${at(x.at)}${x.program} at n = ${x.n}: immediate ${x.reason}`)
    .with({ kind: "input" }, (x) => `${x.program}: input${x.index === null ? "" : ` item ${x.index + 1}`}: ${x.reason}`)
    .with({ kind: "address" }, (x) => `${place(x)}${x.access} of address ${x.address} outside memory [0, ${x.memory})`)
    .with({ kind: "overflow" }, (x) => `${place(x)}${x.op} overflow: ${x.value} is outside the ${x.wordBits}-bit word range [-2^${x.wordBits - 1}, 2^${x.wordBits - 1})`)
    .with({ kind: "division" }, (x) => `${place(x)}${x.op} of ${x.dividend} by zero`)
    .with({ kind: "shift" }, (x) => `${place(x)}${x.op} by ${x.amount}: a shift amount must be in [0, ${x.wordBits}) for ${x.wordBits}-bit words`)
    .with({ kind: "jump" }, (x) => `${place(x)}jump to ${x.target}, not an instruction (the program has pc 0..${x.length - 1})`)
    .with(
      { kind: "conflict" },
      (x) =>
        `${x.program}: step ${x.step}: ${x.mode} conflict: processors ${x.pids[0]} and ${x.pids[1]} both ${x.access} address ${x.address}` +
        (x.values ? ` (values ${x.values[0]} and ${x.values[1]} differ)` : ""),
    )
    .with({ kind: "step-bound" }, (x) => `${x.program}: step bound exceeded: ${x.running} processor(s) still running after the declared ${x.bound} steps`)
    .with({ kind: "fell-off-end" }, (x) => `${x.program}: step ${x.step}, processor ${x.pid} fell off the end of the program (pc ${x.pc}, past the last instruction; end with HALT)`)
    .with({ kind: "unknown-program" }, (x) => `unknown program '${x.name}': not a .pram file and not in the library (${x.library.join(", ")})`)
    .with({ kind: "file" }, (x) => `cannot read '${x.path}': ${x.reason}`)
    .exhaustive();
}
