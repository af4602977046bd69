import { CELL_KINDS } from "../repl/cellKind.js";
import type { DecodeView } from "../repl/decodeView.js";
import { formatInstruction } from "../repl/formatInstruction.js";
import type { PramFrame } from "../repl/pramFrame.js";
import type { PramInstance } from "../pram/pramInstance.js";
import type { Circuit } from "../circuit/circuit.js";

/** What a viewer page shows: a decode and beside it the PRAM it simulates, or the circuit it samples, or neither. */
export interface ViewerInput {
  /** e.g. "prefix-sums, n = 4, input 3,1,4,1". */
  readonly title: string;
  readonly decode: DecodeView;
  readonly pram: { readonly instance: PramInstance; readonly frames: readonly PramFrame[] } | null;
  /** A sampling decode's circuit: each gate's depth, and the bit of every gate frame k's canvas holds (null: none). */
  readonly circuit: { readonly circuit: Circuit; readonly depth: readonly number[]; readonly values: (k: number) => readonly (number | null)[] } | null;
  /** The frames whose residual stream is embedded (each costs positions × width numbers), or all of them. */
  readonly capture: readonly number[] | "all";
}

/**
 * The page's data, plain JSON. A frame's cells are flat triples (token, kind index into `kinds`, canvas
 * position or −1 for a deleted cell). `describe[i]` names canvas position i. The residual stream of a
 * captured frame k is the one after the last layer of the forward pass over frame k's canvas (the pass
 * that decides step k + 1): every compiled feature has its own labelled dimension, so it holds every
 * feature's value.
 */
export interface ViewerData {
  readonly title: string;
  readonly label: string;
  readonly vocab: readonly string[];
  readonly kinds: readonly string[];
  readonly meters: readonly (readonly [string, number])[];
  readonly frames: readonly { readonly cells: readonly number[]; readonly pramStep: number }[];
  readonly describe: readonly string[];
  readonly pram: {
    readonly heading: string;
    readonly code: readonly string[];
    readonly frames: readonly { readonly pcs: readonly number[]; readonly registers: readonly (readonly number[])[]; readonly memory: readonly number[]; readonly written: readonly number[] }[];
  } | null;
  /** The circuit beside a sampling decode: per frame, each gate's bit on the canvas, or −1 when no position holds it. */
  readonly circuit: {
    readonly heading: string;
    readonly gates: readonly { readonly name: string; readonly op: string; readonly inputs: readonly string[]; readonly depth: number }[];
    readonly outputs: readonly number[];
    readonly frames: readonly (readonly number[])[];
  } | null;
  readonly residual: { readonly labels: readonly string[]; readonly frames: Readonly<Record<string, readonly (readonly number[])[]>> } | null;
}

export function viewerData(input: ViewerInput): ViewerData {
  const { decode: view, pram, circuit } = input;
  const frames = Array.from({ length: view.steps + 1 }, (_, k) => ({
    cells: view.frame(k).flatMap((c) => [c.token, CELL_KINDS.indexOf(c.kind), c.position ?? -1]),
    pramStep: view.pramStep(k),
  }));
  const longest = Math.max(...frames.map((f) => Math.max(-1, ...f.cells.filter((_, j) => j % 3 === 2)) + 1));
  const inspector = view.inspector;
  const wanted = input.capture === "all" ? frames.map((_, k) => k) : input.capture;
  const captured = inspector ? wanted.filter((k) => k >= 0 && k <= view.steps) : [];
  const residualOf = (k: number) =>
    view.frame(k).flatMap((c) => (c.position === null ? [] : [inspector!.residual(k, c.position, inspector!.layers).map((d) => d.value)]));
  const labels = inspector && captured.length > 0 ? inspector.residual(captured[0], 0, inspector.layers).map((d) => d.label) : null;
  return {
    title: input.title,
    label: view.label,
    vocab: view.vocab,
    kinds: CELL_KINDS,
    meters: view.meters,
    frames,
    describe: Array.from({ length: longest }, (_, i) => view.describe(i)),
    pram: pram && {
      heading: `PRAM ${pram.instance.name}, n = ${pram.instance.n}, P = ${pram.instance.processors}, ${pram.instance.mode}`,
      code: pram.instance.code.map(formatInstruction),
      frames: pram.frames.map((f) => ({
        pcs: f.processors.map((p) => (p.pc === "halted" ? -1 : p.pc)),
        registers: f.processors.map((p) => p.registers),
        memory: f.memory,
        written: (f.last?.processors ?? []).flatMap((e) => (e.write ? [e.write.address] : [])),
      })),
    },
    circuit: circuit && {
      heading: `circuit ${circuit.circuit.name}: ${circuit.circuit.gates.length} gates, depth ${Math.max(...circuit.depth)}, ${circuit.circuit.gates.filter((g) => g.op === "RAND").length} random bits`,
      gates: circuit.circuit.gates.map((g, j) => ({ name: g.name, op: g.op, inputs: g.inputs.map((i) => circuit.circuit.gates[i].name), depth: circuit.depth[j] })),
      outputs: circuit.circuit.outputs,
      frames: frames.map((_, k) => circuit.values(k).map((v) => v ?? -1)),
    },
    residual: labels && { labels, frames: Object.fromEntries(captured.map((k) => [String(k), residualOf(k)])) },
  };
}
