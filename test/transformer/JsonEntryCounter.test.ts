import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { JsonEntryCounter, type JsonEntryLimits } from "../../src/transformer/JsonEntryCounter.js";
import { fuzzRuns } from "../fuzz/fuzzRuns.js";

/** The reference: per path, the most entries of one container and of all together, and the depth, from the parsed value. */
function shape(value: unknown) {
  const most = new Map<string, number>();
  const total = new Map<string, number>();
  let depth = 0;
  const visit = (v: unknown, path: string, level: number) => {
    if (typeof v !== "object" || v === null) return;
    depth = Math.max(depth, level);
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((item) => [`${path}[]`, item]) : Object.entries(v).map(([k, item]) => [path === "" ? keyName(k) : `${path}.${keyName(k)}`, item]);
    most.set(path, Math.max(most.get(path) ?? 0, entries.length));
    total.set(path, (total.get(path) ?? 0) + entries.length);
    for (const [child, item] of entries) visit(item, child, level + 1);
  };
  visit(value, "", 1);
  return { most, total, depth };
}

/** Keys past 64 UTF-8 bytes are "…" to the counter (docs: kept up to 64 bytes). */
const keyName = (k: string) => (new TextEncoder().encode(JSON.stringify(k)).length - 2 > 64 ? "…" : k);

/** Feeds `text` in the given chunks; the refusal's message, or null. */
function refusal(text: string, limits: JsonEntryLimits, cuts: readonly number[]): string | null {
  const bytes = new TextEncoder().encode(text);
  const counter = new JsonEntryCounter(limits, "f.json");
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  try {
    for (let k = 1; k < at.length; k++) counter.feed(bytes.subarray(at[k - 1], at[k]));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const documents = fc.tuple(fc.jsonValue({ maxDepth: 5 }), fc.boolean()).map(([v, pretty]) => ({ value: v, text: JSON.stringify(v, null, pretty ? 2 : 0) }));
const cuts = fc.array(fc.nat(), { maxLength: 6 });

describe("JsonEntryCounter (counts before parsing)", () => {
  test.prop([documents, cuts], fuzzRuns(300))("accepts a document at exactly its own counts and depth, fed in any chunks", ({ value, text }, at) => {
    const { most, total, depth } = shape(value);
    expect(refusal(text, { depth, entries: (p) => most.get(p) ?? 0, totals: total }, at)).toBeNull();
  });

  test.prop([documents, cuts, fc.nat()], fuzzRuns(300))("refuses one entry less at any path, per container or all together, and one level less", ({ value, text }, at, pick) => {
    const { most, total, depth } = shape(value);
    const full = [...most].filter(([, n]) => n > 0);
    fc.pre(full.length > 0);
    const [path, n] = full[pick % full.length];
    const named = path === "" ? "the top level" : path;
    expect(refusal(text, { depth, entries: (p) => (p === path ? n - 1 : Infinity) }, at)).toContain(`${named} has more entries than the limit of ${n - 1}`);
    const t = total.get(path)!;
    expect(refusal(text, { depth, entries: () => Infinity, totals: new Map([[path, t - 1]]) }, at)).toContain(`${named}, all together, has more entries than the limit of ${t - 1}`);
    expect(refusal(text, { depth: depth - 1, entries: () => Infinity }, at)).toContain(`nests lists and objects more than ${depth - 1} deep`);
  });

  it("names the paths of config.json: lists of objects, escaped keys, strings holding brackets", () => {
    const text = '{"vocab": ["[", "]", "{\\"", ","], "l\\u0061yers": [{"heads": [{}, {}]}, {"heads": [{}]}]}';
    expect(refusal(text, { depth: 9, entries: (p) => (p === "vocab" ? 3 : Infinity) }, [])).toContain("vocab has more entries than the limit of 3");
    expect(refusal(text, { depth: 9, entries: () => Infinity, totals: new Map([["layers[].heads", 2]]) }, [5, 40])).toContain("layers[].heads, all together, has more entries than the limit of 2");
    expect(refusal(text, { depth: 9, entries: (p) => (p === "layers[].heads" ? 2 : p === "layers[].heads[]" ? 0 : Infinity) }, [])).toBeNull();
  });
});
