import { attend, bonus, lin, matchTerms, term } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, select } from "../../efasp/local.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import { type ApMdmVocabulary, apMdmVocabulary } from "./apMdmVocabulary.js";
import { bufferFeatures } from "./bufferFeatures.js";
import { type BufferLayout, bufferLayout } from "./bufferLayout.js";
import { memoryWrites } from "./memoryWrites.js";
import { processorStep } from "./processorStep.js";

/** The Theorem 4 construction for one PRAM instance: an E-FASP program with control outputs. */
export interface ApMdmConstruction {
  readonly instance: PramInstance;
  readonly layout: BufferLayout;
  readonly vocab: ApMdmVocabulary;
  readonly program: EfaspProgram;
  /** The initial canvas for an input: [BOS, x0 … x(n−1)]. */
  readonly initial: (input: readonly number[]) => Int32Array;
}

/**
 * Builds the AP-MDM program. The phase is read off the canvas itself, every step:
 *  - grow     (BOS first, N < S): position i ≥ n inserts a mask after itself while i − n < S − N, so the
 *             masks after the input double each step until the length is S;
 *  - init     (full, both clocks masked): A's masked cells unmask to 0 / clock0 / pc0 / 0;
 *  - simulate (full, X = the buffer with its clock unmasked, some pc of X not HALT): every cell of the
 *             other buffer Y unmasks to its value after one PRAM step computed from X, while every cell of
 *             X remasks — one decoding step per PRAM step, memory rewritten in place;
 *  - finish   (full, every pc of X HALT): BOS and X's cells other than the output region remask, Y's masks
 *             delete; then (no BOS) every mask deletes, leaving exactly the output; with no mask and no BOS
 *             nothing changes: the fixed point.
 * docs/theorem4.md walks through it.
 */
export function constructApMdm(instance: PramInstance): ApMdmConstruction {
  const layout = bufferLayout(instance);
  const vocab = apMdmVocabulary(instance);
  const program = buildProgram(instance, layout, vocab);
  const initial = (input: readonly number[]) => Int32Array.from([vocab.bos, ...input.map((v) => vocab.value(v))]);
  return { instance, layout, vocab, program, initial };
}

function buildProgram(instance: PramInstance, layout: BufferLayout, vocab: ApMdmVocabulary): EfaspProgram {
  const { B, S } = layout;
  const T = instance.stepBound;
  const V = vocab.names.length;
  const bf = bufferFeatures(instance, layout, vocab);
  const zero = constant(0);
  const flip = (name: string, bit: Feature) => linear(name, [[-1, bit]], 1);
  const at = (target: ReturnType<typeof lin>) => matchTerms(1, target, bf.pos, bf.posSq);

  // ── Phase (first attention layer): exact reads of fixed positions, and the length ────────────────────
  const [hasBos] = attend("bos?", at(lin(0)), [bf.isBos]);
  const [clockAMasked, clockA] = attend("clockA", at(lin(layout.base(0) + layout.clockOffset)), [bf.isMask, bf.clockOf]);
  const [clockBMasked, clockB] = attend("clockB", at(lin(layout.base(1) + layout.clockOffset)), [bf.isMask, bf.clockOf]);
  const full = all("full", [hasBos, compare("N=S", "eq", bf.length, constant(S))]);
  const grow = all("grow", [hasBos, compare("N<S", "lt", bf.length, constant(S))]);
  const init = all("init", [full, clockAMasked, clockBMasked]);
  // X, the current buffer, is the one whose clock is unmasked (A during init, when neither is).
  const xIsB = flip("xIsB", clockBMasked);
  const inX = select("inX", xIsB, bf.inB, bf.inA);
  const inY = select("inY", xIsB, bf.inA, bf.inB);
  const xClock = select("xClock", xIsB, clockB, clockA);
  // Is some pc cell of X not HALT? Its pc cells score 4 + notHalt, every other key ≤ 3; the winners share
  // their score's parity, hence notHalt: the mean is exactly 1 or 0.
  const [anyRunning] = attend(
    "anyRunning",
    [bonus(2, bf.isPcCell), term(lin([2, xIsB]), lin([1, bf.inB])), term(lin([-2, xIsB], 2), lin([1, bf.inA])), bonus(1, bf.notHalt)],
    [bf.notHalt],
  );
  const settled = all("settled", [full, flip("¬init", init)]);
  const simulate = all("simulate", [settled, anyRunning]);
  const finish = all("finish", [settled, flip("allHalted", anyRunning)]);

  // ── One PRAM step, from X ─────────────────────────────────────────────────────────────────────────
  const step = processorStep(instance, layout, bf, xIsB);
  const writes = memoryWrites(instance, layout, bf, step, full);
  // My cell's value in X: the same offset in the other buffer (exact position match).
  const [old] = attend("x.same", at(lin([1, bf.pos], [B, xIsB], [-B, bf.inB])), [bf.value]);

  // ── What a masked cell emits: cases, mutually exclusive, each a constant token or a token feature ────
  const valueToken = (name: string, v: Feature) => linear(name, [[1, v]], vocab.value(0));
  const emitY = all("emitY", [simulate, inY, bf.isMask]);
  const pcY = all("pcY", [emitY, bf.isPcCell]);
  const pcRuns = all("pcRuns", [pcY, step.running]);
  // A processor's pc cell reports the step's first error for it, in the interpreter's order: its
  // instruction's own error (address, or one of overflow, division, shift, jump: they exclude each other
  // and an address error), then falling off the end, then a conflict.
  const overflowOnly = all("overflowOnly", [step.overflow, flip("¬addrError", step.addrError)]);
  const valueError = any("valueError", [step.addrError, step.overflow, step.divisionError, step.shiftError, step.jumpError]);
  const fellOffOnly = all("fellOffOnly", [step.fellOff, flip("¬valueError", valueError)]);
  const ownError = any("ownError", [valueError, step.fellOff]);
  const conflict = all("pc.conflict", [pcRuns, writes.conflict, flip("¬ownError", ownError)]);
  const regY = all("regY", [emitY, bf.isRegCell]);
  const writesHere = all("writesHere", [regY, step.running, step.writesReg, compare("dst=reg", "eq", step.dst, bf.reg)]);
  const loadAddrError = all("loadAddrError", [step.isLoad, step.addrError]);
  const clockY = all("clockY", [emitY, bf.isClock]);
  const memY = all("memY", [emitY, bf.isMem]);
  const initA = all("initA", [init, bf.inA, bf.isMask]);
  const cases: [Feature, Feature | number][] = [
    // Y's clock: one more step, unless the bound is reached with a processor still running.
    [all("clock+1", [clockY, compare("t<T", "lt", xClock, constant(T))]), linear("clockToken", [[1, xClock]], vocab.clock(1))],
    [all("stepBound", [clockY, compare("t=T", "ge", xClock, constant(T))]), vocab.error("step-bound")],
    // Y's pc cells: HALT stays HALT; else the step's outcome.
    [all("staysHalted", [pcY, step.halted]), vocab.halt],
    [all("halts", [pcRuns, step.isHaltIns]), vocab.halt],
    [all("pcAddress", [pcRuns, step.addrError]), vocab.error("address")],
    [all("pcOverflow", [pcRuns, overflowOnly]), vocab.error("overflow")],
    [all("pcDivision", [pcRuns, step.divisionError]), vocab.error("division")],
    [all("pcShift", [pcRuns, step.shiftError]), vocab.error("shift")],
    [all("pcJump", [pcRuns, step.jumpError]), vocab.error("jump")],
    [all("fellOff", [pcRuns, fellOffOnly]), vocab.error("fell-off")],
    [conflict, vocab.error("conflict")],
    [
      all("nextPc", [pcRuns, flip("¬halts", step.isHaltIns), flip("¬ownError", ownError), flip("¬conflict", writes.conflict)]),
      linear("pcToken", [[1, step.nextPc]], vocab.pc(0)),
    ],
    // Y's registers: the written one takes the result (or reports the error), the others keep X's value.
    [all("overflowHere", [writesHere, step.overflow]), vocab.error("overflow")],
    [all("loadAddressHere", [writesHere, loadAddrError]), vocab.error("address")],
    [all("divisionHere", [writesHere, step.divisionError]), vocab.error("division")],
    [all("shiftHere", [writesHere, step.shiftError]), vocab.error("shift")],
    [
      all("resultHere", [writesHere, flip("¬resultError", any("resultError", [step.overflow, loadAddrError, step.divisionError, step.shiftError]))]),
      valueToken("resultToken", step.result),
    ],
    [all("regKeeps", [regY, flip("¬writesHere", writesHere)]), valueToken("oldToken", old)],
    // Y's memory: the lowest-pid write to the cell, else X's value.
    [all("memWritten", [memY, writes.written]), valueToken("writtenToken", writes.value)],
    [all("memKeeps", [memY, flip("¬written", writes.written)]), valueToken("oldToken", old)],
    // Init: A's masked cells.
    [all("initMem", [initA, any("memOrReg", [bf.isMem, bf.isRegCell])]), vocab.value(0)],
    [all("initClock", [initA, bf.isClock]), vocab.clock(0)],
    [all("initPc", [initA, bf.isPcCell]), vocab.pc(0)],
  ];
  // Every other position predicts its own token (a mask stays masked; an unmasked token ignores it).
  const terms: (readonly [number, Feature])[] = [[1, bf.id]];
  cases.forEach(([c, code], k) => {
    terms.push(typeof code === "number" ? [code, c] : [1, select(`emit${k}:${code.name}`, c, code, zero)]);
  });
  const token = assume("token", linear("token", terms), 0, V - 1);

  // ── Control ────────────────────────────────────────────────────────────────────────────────────
  const isOutX = select("isOutX", xIsB, bf.outB, bf.outA);
  const remask = any("remask", [
    all("remaskX", [simulate, inX]),
    all("finishRemask", [finish, any("notOutput", [flip("i=0", bf.notBos), all("xNotOut", [inX, flip("¬out", isOutX)])])]),
  ]);
  const insert = all("insert", [
    grow,
    bf.atOrAfterLastInput,
    compare("i−n<S−N", "lt", linear("i+N", [[1, bf.pos], [1, bf.length]]), constant(S + instance.n)),
  ]);
  const del = all("delete", [bf.isMask, any("deleteMask", [flip("¬BOS", hasBos), all("finishY", [finish, inY])])]);
  return {
    name: `${instance.name}@n=${instance.n} (AP-MDM)`,
    vocab: vocab.names,
    maskToken: vocab.mask,
    output: { kind: "code", feature: token },
    control: [remask, insert, del],
    causal: false,
  };
}
