import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { bufferIo } from "../cli/bufferIo.js";
import { runCli } from "../../src/cli/runCli.js";
import { UserError } from "../../src/errors.js";
import { evalExpr, ExprEvalError } from "../../src/pram/evalExpr.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { ExprSyntaxError, parseExpr } from "../../src/pram/parseExpr.js";
import { parseProgram } from "../../src/pram/parseProgram.js";
import { runPram } from "../../src/pram/runPram.js";
import { startRepl } from "../../src/repl/startRepl.js";

/**
 * One fuzz property per input surface (issue 10), shared by the bounded suite (test/fuzz/surfaces.test.ts)
 * and the long sweep (npm run fuzz, which raises numRuns). Each property is "a typed error or a correct
 * result; never an internal error".
 */

const pieces = ["n", "0", "1", "2", "7", "9007199254740991", "9007199254740992", "(", ")", "+", "-", "*", "/", "%", "^", "!", "==", "<", ">=", "&&", "||", ",", "log2(", "flog2(", "sqrt(", "min(", "max(", " ", "x", "."];

/** Expression text: tokens and their fragments, nested up to a few hundred deep. */
export const expressionText = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join("")),
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom("(", "-", "!", "min(", "1^", "1+"), fc.constantFrom("1", "n")).map(([k, open, atom]) => `${open.repeat(k)}${atom}${open === "(" ? ")".repeat(k) : open === "min(" ? ",1)".repeat(k) : ""}`),
  fc.string({ maxLength: 30 }),
);

/** parse ▷ evaluate at n: a safe integer, or the expression's own syntax or evaluation error. */
export function expressionOutcome(text: string, n: number): number | "syntax" | "eval" {
  try {
    const v = evalExpr(parseExpr(text), n);
    if (!Number.isSafeInteger(v)) throw new Error(`${text} evaluated to ${v}`);
    return v;
  } catch (e) {
    if (e instanceof ExprSyntaxError) return "syntax";
    if (e instanceof ExprEvalError) return "eval";
    throw e;
  }
}

const programTexts = library.map((e) => readFileSync(new URL(`../../programs/${e.name}.pram`, import.meta.url), "utf8"));

/** A library program's text with a few random edits: characters and lines deleted, inserted, duplicated. */
export const mutatedProgram = fc
  .tuple(
    fc.constantFrom(...programTexts),
    fc.array(
      fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(".toString 1", ".word 60", ".steps 2^n", "{9007199254740991 % 5}", "r99", ":", "#", "\n", "[", "]", "-", "{", "}", "\u0000"))),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => edits.reduce((t, [at, cut, insert]) => t.slice(0, at % (t.length + 1)) + insert + t.slice((at % (t.length + 1)) + cut), text));

/** parse ▷ instantiate ▷ run on a small input: an output, or a UserError. Runs whose declared cost is large are only parsed. */
export function programOutcome(text: string, input: readonly number[]): "ok" | "user-error" | "too-large" {
  try {
    const instance = instantiate(parseProgram(text, "fuzz.pram"), input.length);
    if (instance.stepBound * instance.processors > 1e5 || instance.memory > 1e5) return "too-large";
    runPram(instance, input);
    return "ok";
  } catch (e) {
    if (e instanceof UserError) return "user-error";
    throw e;
  }
}

const optionValues = ["", "-", "-1", "0", "1", "2", "3,1", "-3,1", "1e9", "9007199254740993", "100000000", "x", "--json", "1,", " 1", "\u001b[2J", "\u0000", "1011", "sum", "prefix-sums", "EREW", "ap-mdm"];
const words = ["pram", "run", "show", "list", "sum", "max", "insertion-sort", "prefix-sums", "dyck", "sample", "parity", "--input", "--n", "--k", "--length", "--seed", "--mode", "--json", "--trace", "--bogus", "help", "-h", "model", "inspect"];

/** Command lines over the cheap commands, with hostile option values. */
export const commandLine = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...optionValues)), { maxLength: 7 });

/** runCli's exit code, or a description of the internal error it threw. */
export async function commandOutcome(argv: readonly string[]): Promise<number> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  if (code === 2 && (io.stderr().split("\n").length !== 2 || !io.stderr().startsWith("apmdm"))) {
    if (!io.stderr().startsWith("usage: apmdm")) throw new Error(`exit 2 without one error line: ${JSON.stringify(io.stderr())}`);
  }
  if (/[\u0000-\u0008\u000b-\u001f]/.test(io.stderr())) throw new Error(`a raw control character on stderr: ${JSON.stringify(io.stderr())}`);
  return code;
}

const replWords = ["load", "input", "step", "back", "goto", "pos", "head", "help", "model", "sum", "max", "prefix-sums", "1,2", "-3", "0", "99999999999", "x", "\u0000", "mdm", "ap-mdm", "show"];

/** REPL lines that never decode (no `input` after a successful load is completed cheaply). */
export const replLines = fc.array(fc.array(fc.constantFrom(...replWords), { maxLength: 4 }).map((w) => w.join(" ")), { maxLength: 6 });

/** Everything the REPL printed for these lines. */
export async function replOutput(lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const closed = startRepl({ input, output, terminal: false, color: false, historyFile: null, width: 100 });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await closed;
  return text;
}
