import type { MdmRun } from "../mdm/mdmRun.js";
import type { Cell, DecodeView } from "./decodeView.js";
import type { Inspector } from "./inspector.js";
import { maxOf } from "../minMax.js";

/**
 * A traced AP-MDM run (Theorem 4) as the REPL shows it. Frame k > 0 is the canvas after step k read
 * through that step's edit script: each position of the canvas before the step is deleted (shown once,
 * with no position), remasked, just unmasked, still masked or kept, and an inserted mask follows any
 * position whose insert bit fired. The matching PRAM step is the largest clock value seen on the canvas
 * up to frame k (the steps a buffer's state has executed; the finish phase remasks the clocks, the PRAM
 * view stays at the last step).
 */
export function apMdmDecodeView(run: MdmRun, inspector: Inspector | null): DecodeView {
  const { canvases, edits } = run;
  if (!canvases || !edits) throw new RangeError("apMdmDecodeView: the AP-MDM run was not traced");
  const mask = run.vocab.indexOf("M");
  const clockOf = (token: number): number | null => {
    const m = /^clock(\d+)$/.exec(run.vocab[token] ?? "");
    return m ? Number(m[1]) : null;
  };
  const frame = (k: number): Cell[] => {
    if (k === 0) return Array.from(canvases[0], (token, i) => ({ token, position: i, kind: token === mask ? "masked" : "kept" }));
    const before = canvases[k - 1];
    const after = canvases[k];
    const e = edits[k - 1];
    const [deleted, remasked, unmasked, inserted] = [e.delete, e.remask, e.unmask, e.insert].map((l) => new Set(l));
    const cells: Cell[] = [];
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      if (deleted.has(i)) {
        cells.push({ token: before[i], position: null, kind: "deleted" });
        continue;
      }
      const token = after[j];
      const kind = remasked.has(i) ? "remasked" : unmasked.has(i) ? "unmasked" : token === mask ? "masked" : "kept";
      cells.push({ token, position: j++, kind });
      if (inserted.has(i)) cells.push({ token: after[j], position: j++, kind: "inserted" });
    }
    return cells;
  };
  const seen: number[] = [];
  for (const canvas of canvases) seen.push(maxOf(Array.from(canvas, (t) => clockOf(t) ?? 0), seen[seen.length - 1] ?? 0));
  const pramStep = (k: number): number => seen[k];
  const { steps, context, layers, heads, width, params, flops, apMdm } = run.meters;
  const meters = Object.entries({ steps, peakContext: apMdm?.peakContext ?? context, layers, heads, width, params, flops, ...editCounts(apMdm) });
  return { label: "AP-MDM", vocab: run.vocab, steps: canvases.length - 1, frame, pramStep, describe: run.describe, meters, inspector };
}

function editCounts(m: MdmRun["meters"]["apMdm"]) {
  return m ? { unmask: m.unmask, remask: m.remask, insert: m.insert, delete: m.delete } : {};
}
