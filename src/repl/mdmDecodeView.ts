import type { MdmRun } from "../mdm/mdmRun.js";
import type { DecodeView } from "./decodeView.js";
import type { Inspector } from "./inspector.js";
import { maskedFrame } from "./maskedFrame.js";
import { maxOf } from "../minMax.js";

const LABELS = { mdm: "MDM", "masked-arm": "Masked-ARM", arm: "ARM" } as const;

/**
 * A traced MDM / Masked-ARM / ARM run as the REPL shows it (maskedFrame). Frame k's matching PRAM step is the largest t such that every
 * "t<u> …" position (MdmRun.describe) with u ≤ t holds a token.
 */
export function mdmDecodeView(run: MdmRun, inspector: Inspector | null): DecodeView {
  if (run.model === "ap-mdm") throw new RangeError("mdmDecodeView: an AP-MDM run is shown by apMdmDecodeView");
  const canvases = run.canvases;
  if (!canvases) throw new RangeError("mdmDecodeView: the run was not traced");
  const mask = run.vocab.indexOf("M");
  const final = canvases[canvases.length - 1];
  const blocks = Array.from(final, (_, i) => {
    const m = /^t(\d+) /.exec(run.describe(i));
    return m ? Number(m[1]) : null;
  });
  const lastBlock = maxOf(blocks.filter((t): t is number => t !== null), 0);
  const filled = (k: number, i: number): boolean => i < canvases[k].length && canvases[k][i] !== mask;
  const frame = maskedFrame(canvases, mask);
  const pramStep = (k: number): number => {
    let first = lastBlock + 1;
    blocks.forEach((t, i) => {
      if (t !== null && t < first && !filled(k, i)) first = t;
    });
    return first - 1;
  };
  const { steps, context, layers, heads, width, params, flops } = run.meters;
  const meters = Object.entries({ steps, context, layers, heads, width, params, flops });
  return { label: LABELS[run.model], vocab: run.vocab, steps: canvases.length - 1, frame, pramStep, describe: run.describe, meters, inspector };
}
