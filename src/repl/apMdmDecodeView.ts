import type { MdmRun } from "../mdm/mdmRun.js";
import type { DecodeView } from "./decodeView.js";
import { editedFrame } from "./editedFrame.js";
import type { Inspector } from "./inspector.js";
import { maxOf } from "../minMax.js";

/**
 * A traced AP-MDM run (Theorem 4) as the REPL shows it, frame by frame through the edit scripts
 * (editedFrame). The matching PRAM step is the largest clock value seen on the canvas
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
  const frame = editedFrame(canvases, edits, mask);
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
