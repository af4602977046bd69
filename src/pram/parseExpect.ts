import { METER_NAMES, type PramMeters } from "./pramMeters.js";
import { PRAM_ERROR_KINDS, PramError, type PramErrorKind } from "./pramError.js";
import type { PramExpect } from "./pramProgram.js";

/**
 * Parses the text after `# expect:` on line `line`: `IN -> OUT [| T=… P=… W=… S=… reads=… writes=…]` or
 * `IN -> error KIND`, IN and OUT comma-separated integers (possibly empty). `col` is where the text starts.
 */
export function parseExpect(text: string, file: string, line: number, col: number): PramExpect {
  const fail = (reason: string): never => {
    throw new PramError({ kind: "syntax", at: { file, line, col }, reason: `# expect: ${reason}` });
  };
  const arrow = text.indexOf("->");
  if (arrow < 0) fail("expected 'IN -> OUT' or 'IN -> error KIND'");
  const input = integers(text.slice(0, arrow), "input", fail);
  const rhs = text.slice(arrow + 2).trim();
  const error = /^error\s+(\S+)$/.exec(rhs);
  if (error) {
    const kind = error[1] as PramErrorKind;
    if (!PRAM_ERROR_KINDS.includes(kind)) fail(`unknown error kind '${error[1]}' (one of ${PRAM_ERROR_KINDS.join(", ")})`);
    return { line, input, result: { kind: "error", error: kind } };
  }
  const [outText, meterText, ...more] = rhs.split("|");
  if (more.length > 0) fail("more than one '|'");
  const output = integers(outText, "output", fail);
  const meters: Partial<Record<keyof PramMeters, number>> = {};
  for (const item of (meterText ?? "").trim().split(/\s+/).filter((s) => s !== "")) {
    const m = /^([A-Za-z]+)=(\d+)$/.exec(item);
    if (!m) fail(`expected METER=VALUE, found '${item}'`);
    const name = m![1] as keyof PramMeters;
    if (!METER_NAMES.includes(name)) fail(`unknown meter '${m![1]}' (one of ${METER_NAMES.join(", ")})`);
    if (name in meters) fail(`meter ${name} given twice`);
    meters[name] = Number(m![2]);
  }
  return { line, input, result: { kind: "output", output, meters } };
}

function integers(text: string, what: string, fail: (reason: string) => never): number[] {
  if (text.trim() === "") return [];
  return text.split(",").map((item) => {
    const t = item.trim();
    const v = /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
    if (!Number.isSafeInteger(v)) fail(`${what} item '${t}' is not an integer`);
    return v;
  });
}
