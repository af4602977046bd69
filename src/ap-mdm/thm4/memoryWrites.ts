import { attend, bonus, lin, matchTerms, term } from "../../efasp/attend.js";
import type { Feature } from "../../efasp/feature.js";
import { all, any, assume, compare, constant, linear, select } from "../../efasp/local.js";
import type { PramInstance } from "../../pram/pramInstance.js";
import type { BufferFeatures } from "./bufferFeatures.js";
import type { BufferLayout } from "./bufferLayout.js";
import type { ProcessorStep } from "./processorStep.js";

/** What the step writes to memory, and the conflicts the mode forbids. */
export interface MemoryWrites {
  /** At a memory cell c: some running processor stores to c, and the value of the lowest-pid one. */
  readonly written: Feature;
  readonly value: Feature;
  /** At a processor's cells: its access conflicts with a lower-pid processor's in a way the mode forbids. */
  readonly conflict: Feature;
}

/**
 * Memory in place. The keys are buffer A's pc cells, one per processor p, each holding p's access this step
 * (computed there from X like everywhere else): cell x_p and value v_p, valid_p when p runs a LOAD (reads) or
 * a STORE (writes) with an address in [0, M), on the full canvas. A query asks for the lowest-pid access
 * to its cell q — the cell itself (a memory cell of Y) or its own processor's address (a conflict check):
 *
 *   score = Cv·valid_j + 2A·q·x_j − A·x_j² + P·x_j + (P − 1 − p_j)      (A = 2P)
 *         = Cv·valid_j − A(x_j − q)² + P·x_j + (P − 1 − p_j) + A·q²
 *
 * On integers x ≠ x', f(x) = −A(x − q)² + P·x differs by (x − x')·(P − A(x + x' − 2q)), at least P in size
 * since A = 2P makes the second factor an odd multiple of P; f peaks at x = q. The pid bonus is below P and
 * one key per pid, so valid keys score pairwise apart: the winner is unique, and is the lowest-pid access
 * to q if any. Cv exceeds twice the spread of everything else, so any valid key beats every invalid
 * one; invalid keys carry zeros (and score exactly 0), so their tie averages to 0. The key needs x² as a
 * feature: one more exact head reads it, the i² of position i = x (on the full canvas every cell index is
 * a position).
 */
export function memoryWrites(instance: PramInstance, layout: BufferLayout, bf: BufferFeatures, step: ProcessorStep, full: Feature): MemoryWrites {
  const { M, P } = layout;
  const zero = constant(0);
  const flip = (name: string, bit: Feature) => linear(name, [[-1, bit]], 1);
  const [addressSq] = attend("address²", matchTerms(1, lin([1, step.address]), bf.pos, bf.posSq), [bf.posSq]);
  const inRange = flip("addressOk", step.addrError);
  const q = select("access.query", bf.isMem, bf.offset, step.address);
  const qMax = Math.max(Math.abs(q.lo), Math.abs(q.hi));
  const A = 2 * P;
  const Cv = 2 * (2 * A * qMax * (M - 1) + A * (M - 1) ** 2 + P * (M - 1) + P) + 1;

  /** The lowest-pid access of one kind to the query's cell: [valid, cell, pid + 1, value] of the winner. */
  const lowest = (name: string, kind: Feature, value: Feature) => {
    const valid = all(`${name}.valid`, [full, bf.inA, bf.isPcCell, step.running, kind, inRange]);
    const gate = (f: Feature, lo: number, hi: number) => assume(`${name}.${f.name}`, select(`${name}.${f.name}`, valid, f, zero), lo, hi);
    const x = gate(step.address, 0, M - 1);
    const xSq = gate(addressSq, 0, (M - 1) ** 2);
    const prio = gate(linear("P−1−pid", [[-1, bf.pid]], P - 1), 0, P - 1);
    const [wValid, wCell, wPid1, wValue] = attend(
      name,
      [bonus(Cv, valid), term(lin([2 * A, q]), lin([1, x])), bonus(-A, xSq), bonus(P, x), bonus(1, prio)],
      // An invalid key's value is gated to 0, so the gate's bounds must hold 0 whatever the value's are.
      [valid, x, gate(linear("pid+1", [[1, bf.pid]], 1), 0, P), gate(value, Math.min(value.lo, 0), Math.max(value.hi, 0))],
    );
    const found = all(`${name}.found`, [wValid, compare(`${name}.sameCell`, "eq", wCell, q)]);
    return { found, pid1: wPid1, value: wValue };
  };

  const writer = lowest("writer", step.isStore, step.b.value);
  const mine = (kind: Feature) => all("mine", [step.running, kind, inRange]);
  const notMe = (pid1: Feature) => compare("notMe", "ne", pid1, linear("pid+1", [[1, bf.pid]], 1));
  const flags: Feature[] = [];
  const mode = instance.mode;
  if (mode === "EREW" || mode === "CREW") flags.push(all("writeConflict", [mine(step.isStore), writer.found, notMe(writer.pid1)]));
  if (mode === "CRCW-common") {
    flags.push(all("writeDisagrees", [mine(step.isStore), writer.found, compare("valueDiffers", "ne", writer.value, step.b.value)]));
  }
  if (mode === "EREW") {
    const reader = lowest("reader", step.isLoad, zero);
    flags.push(all("readConflict", [mine(step.isLoad), reader.found, notMe(reader.pid1)]));
  }
  const conflict = flags.length === 0 ? zero : flags.length === 1 ? flags[0] : any("conflict", flags);
  return { written: writer.found, value: writer.value, conflict };
}
