import type { Simulation } from "../mdm/simulate.js";
import { apMdmDecodeView } from "./apMdmDecodeView.js";
import type { DecodeView } from "./decodeView.js";
import { mdmDecodeView } from "./mdmDecodeView.js";
import { transformerInspector } from "./transformerInspector.js";

/** A traced simulation as a DecodeView, with an inspector of the model it decoded with (when it kept one). */
export function decodeViewOf(run: Simulation): DecodeView {
  const inspector = run.transformer && run.canvases ? transformerInspector(run.transformer, run.canvases) : null;
  return run.model === "ap-mdm" ? apMdmDecodeView(run, inspector) : mdmDecodeView(run, inspector);
}
