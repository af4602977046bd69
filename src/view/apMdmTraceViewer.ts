import type { ApMdmDecode } from "../ap-mdm/decodeApMdm.js";
import { transformerInspector } from "../repl/transformerInspector.js";
import { traceDecodeView } from "../repl/traceDecodeView.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { ViewerInput } from "./viewerData.js";

/** What names a traced AP-MDM task decode (a Dyck generation, max-flow, Sudoku) on its page. */
export interface ApMdmTask {
  readonly title: string;
  readonly label: string;
  readonly vocab: readonly string[];
  readonly mask: number;
  /** What canvas position i holds; its first word is the region the page groups it in. */
  readonly describe: (position: number) => string;
  /** The weights it decoded with, for the residual stream; null when it decoded over the E-FASP evaluator. */
  readonly model: Transformer | null;
}

/** A traced AP-MDM decode with no PRAM beside it, ready for viewerData: insertions, deletions and remasks in their colours. */
export function apMdmTraceViewer(task: ApMdmTask, decode: ApMdmDecode, capture: ViewerInput["capture"]): ViewerInput {
  const trace = decode.trace;
  if (!trace) throw new RangeError("apMdmTraceViewer: the decode was not traced");
  const { steps, peakContext, finalContext, unmasked, remasked, inserted, deleted, flops } = decode.meters;
  return {
    title: task.title,
    decode: traceDecodeView({
      label: task.label,
      vocab: task.vocab,
      mask: task.mask,
      canvases: trace.canvases,
      edits: trace.edits,
      describe: task.describe,
      meters: Object.entries({ steps, peakContext, finalContext, unmasked, remasked, inserted, deleted, flops }),
      inspector: task.model && transformerInspector(task.model, trace.canvases),
    }),
    pram: null,
    circuit: null,
    capture,
  };
}
