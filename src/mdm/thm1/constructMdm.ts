import { attend, bonus, lin, matchTerms, term } from "../../efasp/attend.js";
import type { EfaspProgram } from "../../efasp/efaspProgram.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, select } from "../../efasp/local.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import { blockConflict, conflictFlags } from "./conflictFlags.js";
import { canvasFeatures } from "./canvasFeatures.js";
import { type CanvasLayout, canvasLayout, RECORD_SIZE } from "./canvasLayout.js";
import { type CanvasVocabulary, canvasVocabulary } from "./canvasVocabulary.js";
import { executeInstruction } from "./executeInstruction.js";
import { fetchOperand, registerKeys, zeroOperand } from "./fetchOperand.js";
import { instructionTable, operandA, operandB, operandC } from "./instructionTable.js";
import { memoryKeys, readMemory } from "./readMemory.js";

/** The Theorem 1 construction for one PRAM instance: an E-FASP program over the canvas it fills. */
export interface MdmConstruction {
  readonly instance: PramInstance;
  readonly layout: CanvasLayout;
  readonly vocab: CanvasVocabulary;
  /** The program; `causal` builds it with causal attention, for the ARM baseline (same features). */
  readonly program: (causal: boolean) => EfaspProgram;
}

/**
 * Builds the E-FASP program that, at every canvas position, predicts that position's token once the block
 * before it is complete (and MASK until then). One decoding step therefore fills one whole block: block t
 * holds every processor's step t, computed from block t − 1 (program counters), all earlier read records
 * (registers) and earlier write records (memory). docs/theorem1.md walks through it layer by layer.
 */
export function constructMdm(instance: PramInstance): MdmConstruction {
  const layout = canvasLayout(instance);
  const vocab = canvasVocabulary(instance);
  return { instance, layout, vocab, program: (causal) => buildProgram(instance, layout, vocab, causal) };
}

function buildProgram(instance: PramInstance, layout: CanvasLayout, vocab: CanvasVocabulary, causal: boolean): EfaspProgram {
  const { T, P } = layout;
  const M = instance.memory;
  const w = instance.wordBits;
  const L = instance.code.length;
  const S = layout.length;
  const V = vocab.names.length;
  const cf = canvasFeatures(layout, vocab, w);
  const zero = constant(0);
  const flip = (name: string, bit: Feature) => linear(name, [[-1, bit]], 1);

  // ── Neighbours and completeness (first attention layer) ───────────────────────────────────────────
  // The token before me: key j = i − 1 is the unique exact match (position 0 sees itself).
  const [cRegKey, cRegKeySq, cIsReg, cValue, cValueSq, cIsValue] = attend(
    "prev",
    matchTerms(1, lin([1, cf.pos], -1), cf.pos, cf.posSq),
    [cf.regKey, cf.regKeySq, cf.isReg, cf.value, cf.valueSq, cf.isValue],
  );
  // My pc before this step: the pc field of my read record one block earlier (unique exact match); in the
  // first block, BOS (pc 0, not halted), whose bonus K > S² outweighs any position-match penalty.
  const K = S * S + 1;
  const [pc, halted] = attend(
    "prevPc",
    [
      ...matchTerms(1, lin([layout.blockSize, cf.blk], [RECORD_SIZE, cf.pid], layout.recordBase - layout.blockSize), cf.pos, cf.posSq),
      term(lin([K, cf.firstBlock]), lin([1, cf.isBos])),
    ],
    [cf.pcOf, cf.isHalt],
  );
  // Is any token of the previous block (of the last block, for the output) still masked? Keys of the
  // target block tie on the match term (0; every other block ≤ −2) and the mask bonus (≤ 1) picks the
  // masked ones if any: the mean of isMask over the winners is exactly 1 or 0.
  const hasMask = (name: string, target: ReturnType<typeof lin>) =>
    attend(name, [...matchTerms(2, target, cf.blk, cf.blkSq), bonus(1, cf.isMask)], [cf.isMask])[0];
  const prevHasMask = hasMask("prevHasMask", lin([1, cf.blk], -1));
  const lastHasMask = hasMask("lastHasMask", lin(T - 1));
  const ownHasMask = hasMask("ownHasMask", lin([1, cf.blk]));
  // Is some pc field of my block not HALT (a mask counts as not halted)? Pc fields of my block score
  // 4 + notHalt ∈ {4, 5}; every other key scores ≤ 1.
  const [blockRunning] = attend(
    "blockRunning",
    [...matchTerms(4, lin([1, cf.blk]), cf.blk, cf.blkSq), bonus(4, cf.field0), bonus(-4, cf.writePart), bonus(1, cf.notHalt)],
    [cf.notHalt],
  );

  // ── Has the run ended? A block all of whose pc fields are HALT, seen from its last position (which
  // sees its whole block even under causal attention). ───────────────────────────────────────────────
  const lastInBlock = compare("lastInBlock", "eq", cf.inBlock, constant(layout.blockSize - 1));
  const blockHalted = all("blockHalted", [cf.inRecords, lastInBlock, flip("¬blockRunning", blockRunning)]);
  const [anyHalted] = attend("anyHalted", [bonus(1, blockHalted)], [blockHalted]);

  // ── One parallel step of my processor ───────────────────────────────────────────────────────────
  const table = instructionTable(instance, pc);
  const regKeys = registerKeys(cf, cRegKey, cRegKeySq, cIsReg, flip("ownComplete", ownHasMask), instance.registers);
  const a = fetchOperand("A", operandA, instance, cf, regKeys, table, T);
  const b = fetchOperand("B", operandB, instance, cf, regKeys, table, T);
  // The third operand (an address index, SEL's condition) takes a head only when some instruction has one.
  const c = instance.code.some((ins) => operandC(ins) !== null) ? fetchOperand("C", operandC, instance, cf, regKeys, table, T) : zeroOperand(w);
  const outputCell = linear("outputCell", [[1, cf.outputOffset]], instance.outputStart);
  const readMem = (address: Feature) => readMemory(memoryKeys(cf, cValue, cValueSq, cIsValue, M, P, T), select("mem.query", cf.isOutput, outputCell, address), M, P, T);
  const x = executeInstruction(instance, table, pc, a, b, c, readMem);
  const { isLoad, isStore, isHaltIns, writesReg, dst, address, addrError, result, overflow, nextPc, fellOff, memValue } = x;
  const stop = any("stop", [halted, isHaltIns]);
  const running = flip("running", halted);
  const valueError = any("valueError", [overflow, x.divisionError, x.shiftError, all("loadAddrError", [isLoad, addrError])]);
  // A LOAD's raddr field is copied from my read record's pc field, 3P + 2 positions back (an exact
  // position match, unique winner). Under causal attention (the ARM) features there are computed before my
  // read record's val field exists, so the address uses the start-of-step registers even when the LOAD
  // overwrites its own base register; in the MDM and Masked-ARM the same values are computed anyway.
  const [readAddress, readAddressError] = attend("readAddress", matchTerms(1, lin([1, cf.pos], -(3 * P + 2)), cf.pos, cf.posSq), [address, addrError]);

  // ── What my position emits ─────────────────────────────────────────────────────────────────────
  const readPart = flip("readPart", cf.writePart);
  const ready = all("ready", [cf.inRecords, flip("prevComplete", prevHasMask)]);
  // Conflicts the mode forbids, flagged in each block once it is filled and reported by the next block
  // (or by the output, for the last block): every position there emits ERR:conflict.
  const flags = conflictFlags(instance.mode, cf, { value: cValue, valueSq: cValueSq, isValue: cIsValue });
  const conflictBefore = flags.length > 0 ? blockConflict("conflictBefore", cf, flags, lin([1, cf.blk], -1)) : zero;
  const conflictLast = flags.length > 0 ? blockConflict("conflictLast", cf, flags, lin(T - 1)) : zero;
  const readyOk = all("readyOk", [ready, flip("noConflictBefore", conflictBefore)]);
  const token = {
    value: (v: Feature, name: string) => linear(name, [[1, v]], vocab.value(0)),
    pc: linear("pcToken", [[1, nextPc]], vocab.pc(0)),
    reg: linear("regToken", [[1, dst]], vocab.reg(0)),
  };
  const NONE = vocab.none;
  // Cases within a ready record position (at most one holds); a ready position none of them covers is NONE.
  const cases: [Feature[], Feature | number][] = [
    [[readPart, cf.field0, stop], vocab.halt],
    [[readPart, cf.field0, running, fellOff], vocab.error("fell-off")],
    [[readPart, cf.field0, running, x.jumpError], vocab.error("jump")],
    [[readPart, cf.field0, flip("¬stop", stop), flip("¬fellOff", fellOff), flip("¬jumpError", x.jumpError)], token.pc],
    [[readPart, cf.field1, running, writesReg], token.reg],
    [[readPart, cf.field2, running, writesReg, overflow], vocab.error("overflow")],
    [[readPart, cf.field2, running, x.divisionError], vocab.error("division")],
    [[readPart, cf.field2, running, x.shiftError], vocab.error("shift")],
    [[readPart, cf.field2, running, all("load&addrError", [isLoad, addrError])], vocab.error("address")],
    [[readPart, cf.field2, running, writesReg, flip("valueOk", valueError)], token.value(result, "resultToken")],
    [[cf.writePart, cf.field0, running, isStore, addrError], vocab.error("address")],
    [[cf.writePart, cf.field0, running, isStore, flip("addressOk", addrError)], token.value(address, "addressToken")],
    [[cf.writePart, cf.field1, running, isStore, flip("addressOk", addrError)], token.value(b.value, "storedToken")],
    [[cf.writePart, cf.field2, running, isLoad, flip("readAddressOk", readAddressError)], token.value(readAddress, "readAddressToken")],
  ];
  const fill = all("fill", [cf.inRecords, prevHasMask, anyHalted]);
  const terms: (readonly [number, Feature])[] = [[NONE, readyOk], [vocab.error("conflict"), all("conflict", [ready, conflictBefore])]];
  cases.forEach(([conds, code], k) => {
    const c = all(`case${k}`, [readyOk, ...conds]);
    if (typeof code === "number") terms.push([code - NONE, c]);
    else terms.push([1, select(`emit${k}`, c, linear(`${code.name}−NONE`, [[1, code]], -NONE), zero)]);
  });
  // After the run has ended, every later record fills at once: HALT in pc fields, NONE elsewhere.
  terms.push([vocab.halt, all("fillHalt", [fill, readPart, cf.field0])]);
  terms.push([NONE, all("fillNone", [fill, flip("¬readPc", all("readPc", [readPart, cf.field0]))])]);
  // The output region reads the final memory once the run has ended, or reports the step bound.
  terms.push([1, select("emitOutput", all("outputReady", [cf.isOutput, anyHalted, flip("noConflictLast", conflictLast)]), token.value(memValue, "outputToken"), zero)]);
  terms.push([vocab.error("conflict"), all("outputConflict", [cf.isOutput, flip("lastComplete", lastHasMask), conflictLast])]);
  terms.push([vocab.error("step-bound"), all("stepBound", [cf.isOutput, flip("lastComplete", lastHasMask), flip("¬halted", anyHalted), flip("noConflictLast", conflictLast)])]);
  // BOS and input positions are never masked; they predict themselves.
  const fixed = assume("fixed", linear("fixed", [[-1, cf.inRecords], [-1, cf.isOutput]], 1), 0, 1);
  terms.push([1, select("keep", fixed, cf.id, zero)]);
  const code = assume("token", linear("token", terms), 0, V - 1);
  return {
    name: `${instance.name}@n=${instance.n}${causal ? " (causal)" : ""}`,
    vocab: vocab.names,
    maskToken: vocab.mask,
    output: { kind: "code", feature: code },
    control: null,
    causal,
  };
}
