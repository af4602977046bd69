import type { SourceLocation } from "../pram/sourceLocation.js";
import { type GateDefinition, assembleCircuit } from "./assembleCircuit.js";
import { ARITY, type Circuit, type GateOp } from "./circuit.js";
import { CircuitError } from "./CircuitError.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPS = Object.keys(ARITY) as GateOp[];

interface Word {
  readonly text: string;
  readonly at: SourceLocation;
}

/**
 * Parses the `.circuit` format (docs/sampling.md): one statement a line, `#` to the end of a line is a
 * comment. `NAME = OP IN…` defines a gate (OP one of RAND, ZERO, ONE, NOT, AND, OR, XOR, MAJ; `0` and `1`
 * stand for ZERO and ONE); `output NAME…` appends outputs (any number of such lines). Gates may be
 * defined in any order. Every error names file:line:column.
 */
export function parseCircuit(text: string, file: string): Circuit {
  const defs: GateDefinition[] = [];
  const outputs: { name: string; at: SourceLocation }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const words = wordsOf(raw.replace(/#.*$/, ""), file, i + 1);
    if (words.length === 0) return;
    const [head, second] = words;
    if (head.text === "output" && second?.text !== "=") {
      if (words.length === 1) throw new CircuitError("syntax", head.at, "'output' needs at least one gate name");
      for (const w of words.slice(1)) outputs.push({ name: checkName(w), at: w.at });
      return;
    }
    if (second?.text !== "=") throw new CircuitError("syntax", second?.at ?? head.at, "expected 'NAME = OP INPUTS…' or 'output NAMES…'");
    const name = checkName(head);
    const opWord = words[2];
    if (opWord === undefined) throw new CircuitError("syntax", second.at, `gate '${name}' has no operation after '='`);
    const op = opOf(opWord);
    defs.push({ name, op, inputs: words.slice(3).map((w) => ({ name: checkName(w), at: w.at })), at: head.at });
  });
  return assembleCircuit(file, defs, outputs, { file, line: 1, col: 1 });
}

function opOf(w: Word): GateOp {
  if (w.text === "0") return "ZERO";
  if (w.text === "1") return "ONE";
  if ((OPS as string[]).includes(w.text)) return w.text as GateOp;
  throw new CircuitError("unknown-op", w.at, `unknown gate '${w.text}' (${OPS.join(", ")}, 0, 1)`);
}

function checkName(w: Word): string {
  if (!NAME.test(w.text)) throw new CircuitError("syntax", w.at, `'${w.text}' is not a gate name (a letter or _, then letters, digits, _)`);
  return w.text;
}

/** Whitespace-separated words, '=' always a word of its own, with 1-based columns. */
function wordsOf(line: string, file: string, lineNo: number): Word[] {
  const words: Word[] = [];
  for (const m of line.matchAll(/=|[^\s=]+/g)) words.push({ text: m[0], at: { file, line: lineNo, col: m.index + 1 } });
  return words;
}
