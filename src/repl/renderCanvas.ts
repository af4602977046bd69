import type { DecodeView } from "./decodeView.js";
import type { Palette } from "./palette.js";
import { visibleWidth } from "./visibleWidth.js";
import { maxOf } from "../minMax.js";

/**
 * Frame k of a decode as rows, one per region of the canvas (BOS, input, each block t1, t2, …, output;
 * the region is the first word of describe(position)), wrapped to `width`. A run of consecutive rows that
 * are entirely masked collapses into one line.
 */
export function renderCanvas(view: DecodeView, k: number, p: Palette, width: number): string[] {
  const cells = view.frame(k);
  const rows: { region: string; texts: string[]; allMasked: boolean }[] = [];
  let lastPosition = 0;
  for (const cell of cells) {
    const position = cell.position ?? lastPosition;
    lastPosition = position;
    const region = view.describe(position).split(" ")[0];
    const row = rows[rows.length - 1];
    const text = p.cell(cell.kind, view.vocab[cell.token] ?? `#${cell.token}`);
    if (row && row.region === region) {
      row.texts.push(text);
      row.allMasked &&= cell.kind === "masked";
    } else rows.push({ region, texts: [text], allMasked: cell.kind === "masked" });
  }
  const labelWidth = maxOf(rows.map((r) => r.region.length), 6);
  const out: string[] = [p.heading(`${view.label} canvas, step ${k}/${view.steps} (${cells.filter((c) => c.position !== null).length} positions)`)];
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].allMasked) {
      let end = r;
      while (end + 1 < rows.length && rows[end + 1].allMasked) end++;
      const count = rows.slice(r, end + 1).reduce((s, row) => s + row.texts.length, 0);
      out.push(p.dim(`${rows[r].region}${end > r ? `…${rows[end].region}` : ""}: all masked (${count})`));
      r = end;
      continue;
    }
    for (const line of wrap(rows[r].region.padEnd(labelWidth), rows[r].texts, width)) out.push(line);
  }
  return out;
}

/** The label, then the texts, broken before a text that would pass `width` (a line holds at least one). */
function wrap(label: string, texts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = label;
  let onLine = 0;
  for (const t of texts) {
    if (onLine > 0 && visibleWidth(line) + 1 + visibleWidth(t) > width) {
      lines.push(line);
      line = " ".repeat(label.length);
      onLine = 0;
    }
    line += ` ${t}`;
    onLine++;
  }
  lines.push(line);
  return lines;
}
