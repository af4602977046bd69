import type { Expr } from "./expr.js";
import { assembleHeader, type DirectiveValues, parseDirective } from "./parseHeader.js";
import { parseExpect } from "./parseExpect.js";
import { type ParsedInstruction, parseInstruction } from "./parseInstruction.js";
import { PramError } from "./pramError.js";
import type { Directive, PramExpect, PramProgram, ProgramInstruction } from "./pramProgram.js";
import type { SourceLocation } from "./sourceLocation.js";
import { tokenizeLine } from "./tokenizeLine.js";

/**
 * Parses `.pram` text (docs/semantics.md, "## PRAM"): header directives, then labelled instructions;
 * `#` starts a comment, and a whole-line `# expect:` comment is a golden example. Header values and
 * immediates stay expressions of n; labels (jump targets and `@label` values) become instruction indices. The first problem, in line
 * order, is thrown as a PramError naming file:line:col.
 */
export function parseProgram(text: string, file: string): PramProgram {
  const defaultName = file.replace(/^.*[\\/]/, "").replace(/\.pram$/, "");
  const directives: Partial<DirectiveValues> = {};
  const directiveAt = new Map<string, SourceLocation>(); // a Map: `.toString` must not find Object.prototype's
  const parsed: ParsedInstruction[] = [];
  const instructionAt: SourceLocation[] = [];
  const labels: { name: string; index: number }[] = [];
  const labelAt = new Map<string, SourceLocation>();
  const pending: { name: string; at: SourceLocation }[] = [];
  const expects: PramExpect[] = [];
  const name = () => directives.name ?? defaultName;

  text.split("\n").forEach((raw, k) => {
    const line = k + 1;
    const hash = raw.indexOf("#");
    if (hash >= 0) {
      const expect = /^(\s*#\s*expect:)(.*)$/.exec(raw);
      if (expect) expects.push(parseExpect(expect[2], file, line, expect[1].length + 1));
    }
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, "");
    const first = body.search(/\S/);
    if (first < 0) return;
    if (body[first] === ".") {
      const m = /^\.([A-Za-z]*)/.exec(body.slice(first))!;
      const directive = m[1] as Directive;
      const at = { file, line, col: first + 1 };
      const fail = (reason: string): never => {
        throw new PramError({ kind: "header", at, program: name(), reason });
      };
      if (parsed.length > 0) fail(`.${m[1]} after the first instruction (the header comes first)`);
      const earlier = directiveAt.get(directive);
      if (earlier !== undefined) fail(`.${directive} given twice (first on line ${earlier.line})`);
      const valueCol = first + 1 + m[0].length;
      Object.assign(directives, parseDirective(m[1], body.slice(first + m[0].length), at, valueCol, name()));
      directiveAt.set(directive, at);
      return;
    }
    const tokens = tokenizeLine(body);
    if (!Array.isArray(tokens)) throw new PramError({ kind: "syntax", at: { file, line, col: tokens.badCol }, reason: tokens.reason });
    let k0 = 0;
    while (k0 + 1 < tokens.length && tokens[k0].kind === "word" && tokens[k0 + 1].kind === "punct" && tokens[k0 + 1].text === ":") {
      const at = { file, line, col: tokens[k0].col };
      const label = tokens[k0].text;
      if (labelAt.has(label)) throw new PramError({ kind: "duplicate-label", at, label });
      labelAt.set(label, at);
      pending.push({ name: label, at });
      k0 += 2;
    }
    if (k0 === tokens.length) return;
    if (parsed.length === 0) assembleHeader(directives, { file, line, col: tokens[k0].col }, name());
    parsed.push(parseInstruction(tokens.slice(k0), file, line, directives.registers!));
    instructionAt.push({ file, line, col: tokens[k0].col });
    for (const l of pending.splice(0)) labels.push({ name: l.name, index: parsed.length - 1 });
  });

  if (pending.length > 0) throw new PramError({ kind: "syntax", at: pending[0].at, reason: `label '${pending[0].name}' is not followed by an instruction` });
  if (parsed.length === 0) {
    const lines = text.split("\n").length;
    throw new PramError({ kind: "syntax", at: { file, line: lines, col: 1 }, reason: "the program has no instructions (every processor needs at least a HALT)" });
  }
  const header = assembleHeader(directives, { file, line: 1, col: 1 }, name());
  const index = new Map(labels.map((l) => [l.name, l.index]));
  const code = parsed.map(({ instruction, refs }) =>
    refs.reduce((ins, ref) => {
      const target = index.get(ref.label);
      if (target === undefined) throw new PramError({ kind: "unknown-label", at: ref.at, label: ref.label });
      const value: Expr = { kind: "int", value: target };
      return { ...ins, [ref.field]: ref.kind === "expr" ? value : { kind: "imm", value } } as ProgramInstruction;
    }, instruction),
  );
  return {
    name: name(),
    header,
    code,
    labels,
    expects,
    source: { file, directives: Object.fromEntries(directiveAt) as Partial<Record<Directive, SourceLocation>>, instructions: instructionAt },
  };
}
