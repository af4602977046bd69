import { forward, type ForwardCapture } from "../transformer/forward.js";
import type { Transformer } from "../transformer/transformerWeights.js";
import type { Inspector } from "./inspector.js";

/**
 * An Inspector over the real forward pass: frame k's canvas is run through the model with capture on
 * (once, then cached), and the residual stream and selected keys are read from that capture by label.
 */
export function transformerInspector(model: Transformer, canvases: readonly Int32Array[]): Inspector {
  const captures = new Map<number, ForwardCapture>();
  const capture = (frame: number): ForwardCapture => {
    let c = captures.get(frame);
    if (!c) {
      c = forward(model, canvases[frame], { capture: true }).capture!;
      captures.set(frame, c);
    }
    return c;
  };
  const d = model.config.dModel;
  return {
    layers: model.config.layers.length,
    heads: (layer) => model.config.layers[layer].heads.length,
    residual: (frame, position, layer) => {
      const stream = capture(frame).residual[layer];
      return model.labels.map((label, k) => ({ label, value: stream[position * d + k] }));
    },
    selected: (frame, layer, head, query) => capture(frame).selected(layer, head, query),
  };
}
