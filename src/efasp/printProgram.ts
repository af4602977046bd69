import { match } from "ts-pattern";
import { describePositionFeature } from "../transformer/describePositionFeature.js";
import type { EfaspProgram } from "./efaspProgram.js";
import type { Comparison, Feature, Head, Linear } from "./feature.js";
import { topoOrder } from "./topoOrder.js";

const SYMBOL: Record<Comparison, string> = { lt: "<", le: "≤", eq: "=", ne: "≠", gt: ">", ge: "≥" };
const SHOWN = 12;

/**
 * A program as text, one line per feature in evaluation order: `name = definition  [lo, hi]`; each head
 * on its own line (`head NAME: score Σ (q)·(k); values …`) before the features it computes; then the
 * outputs. A name used twice is printed as name#id, as allocate labels it.
 */
export function printProgram(program: EfaspProgram): string {
  const V = program.vocab.length;
  const order = topoOrder(program);
  const names = new Map<number, string>();
  const used = new Set<string>();
  for (const f of order) {
    const name = used.has(f.name) ? `${f.name}#${f.id}` : f.name;
    used.add(name);
    names.set(f.id, name);
  }
  const name = (f: Feature) => names.get(f.id)!;
  const linear = (x: Linear) => formatLinear(x.terms.map(([c, f]) => [c, name(f)] as const), x.bias);
  const printed = new Set<number>();
  const lines = [
    `program ${program.name}: ${V} tokens ${list(program.vocab.map((t) => JSON.stringify(t)))}, mask ${JSON.stringify(program.vocab[program.maskToken])}, ${program.causal ? "causal" : "bidirectional"} attention`,
  ];
  for (const f of order) {
    if (f.kind === "aggregate" && !printed.has(f.head.id)) {
      printed.add(f.head.id);
      lines.push(`  ${printHead(f.head, linear, name)}`);
    }
    const definition = match(f)
      .with({ kind: "token" }, (t) => `token ${printTable(t.table, program.vocab)}`)
      .with({ kind: "position" }, (p) => `position ${describePositionFeature(p.spec)}`)
      .with({ kind: "aggregate" }, (a) => `${a.head.name}[${a.slot}]`)
      .with({ kind: "local" }, (l) => {
        const ins = l.inputs.map(name);
        return match(l.op)
          .with({ op: "linear" }, ({ coefs, bias }) => {
            const sum = formatLinear(coefs.map((c, k) => [c, ins[k]] as const), bias);
            return narrowed(coefs, l.inputs, bias, l) ? `assume ${sum}` : sum;
          })
          .with({ op: "compare" }, ({ cmp }) => `${ins[0]} ${SYMBOL[cmp]} ${ins[1]}`)
          .with({ op: "select" }, () => `${ins[0]} ? ${ins[1]} : ${ins[2]}`)
          .with({ op: "floorDiv" }, () => `floor(${ins[0]} / ${ins[1]})`)
          .with({ op: "lookup" }, ({ table, base }) => `lookup(${formatLinear([[1, ins[0]]], -base)}) in ${list(table.map(String))}`)
          .with({ op: "relu" }, { op: "min" }, { op: "max" }, { op: "all" }, { op: "any" }, { op: "not" }, ({ op }) => `${op}(${ins.join(", ")})`)
          .exhaustive();
      })
      .exhaustive();
    lines.push(`  ${name(f)} = ${definition}  [${f.lo}, ${f.hi}]`);
  }
  lines.push(
    program.output.kind === "code"
      ? `output: token id ${name(program.output.feature)}`
      : `output: token scores ${program.output.features.map(name).join(", ")}`,
  );
  if (program.control) {
    const [remask, insert, del] = program.control.map(name);
    lines.push(`control: remask ${remask}, insert ${insert}, delete ${del}`);
  }
  return `${lines.join("\n")}\n`;
}

function printHead(h: Head, linear: (x: Linear) => string, name: (f: Feature) => string): string {
  const terms = h.score.map((t) => `(${linear(t.q)})·(${linear(t.k)})`).join(" + ");
  return `head ${h.name}: score ${terms}; values ${h.values.map(name).join(", ")}`;
}

/** Whether a linear feature's bounds are narrower than interval arithmetic gives: an assume(). */
function narrowed(coefs: readonly number[], inputs: readonly Feature[], bias: number, f: Feature): boolean {
  let lo = bias;
  let hi = bias;
  coefs.forEach((c, k) => {
    lo += Math.min(c * inputs[k].lo, c * inputs[k].hi);
    hi += Math.max(c * inputs[k].lo, c * inputs[k].hi);
  });
  return f.lo > lo || f.hi < hi;
}

/** A short table as a list; a long one as its exceptions by token name and its most common value. */
function printTable(table: readonly number[], vocab: readonly string[]): string {
  if (table.length <= SHOWN) return list(table.map(String));
  const counts = new Map<number, number>();
  for (const v of table) counts.set(v, (counts.get(v) ?? 0) + 1);
  const common = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const exceptions = table.flatMap((v, t) => (v === common ? [] : [`${JSON.stringify(vocab[t])}→${v}`]));
  const shown = exceptions.length <= SHOWN ? exceptions : [...exceptions.slice(0, SHOWN), `… (${exceptions.length - SHOWN} more)`];
  return `{${[...shown, `else ${common}`].join(", ")}}`;
}

/** Σ c·x + bias as "2·a − b + 3" ("0" when empty). */
function formatLinear(terms: readonly (readonly [number, string])[], bias: number): string {
  const parts: string[] = [];
  for (const [c, x] of terms) {
    const size = Math.abs(c) === 1 ? x : `${Math.abs(c)}·${x}`;
    parts.push(parts.length === 0 ? (c < 0 ? `−${size}` : size) : c < 0 ? `− ${size}` : `+ ${size}`);
  }
  if (bias !== 0 || parts.length === 0) {
    parts.push(parts.length === 0 ? (bias < 0 ? `−${-bias}` : `${bias}`) : bias < 0 ? `− ${-bias}` : `+ ${bias}`);
  }
  return parts.join(" ");
}

/** [a, b, c], or the first SHOWN entries and the count: [a, b, …, … (40)]. */
function list(items: readonly string[]): string {
  return items.length <= SHOWN ? `[${items.join(", ")}]` : `[${items.slice(0, SHOWN).join(", ")}, … (${items.length})]`;
}
