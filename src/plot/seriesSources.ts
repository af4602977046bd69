import type { ForwardEngine } from "../transformer/forwardEngine.js";
import { mdmSource } from "./mdmSource.js";
import { pramSource } from "./pramSource.js";
import type { SeriesSource } from "./seriesSource.js";

/** Every process `apmdm plot` measures, in legend order, the decoders' forward passes run by `engine`. */
export function plotSources(engine: ForwardEngine = "incremental"): readonly SeriesSource[] {
  return [pramSource, mdmSource("mdm", engine), mdmSource("ap-mdm", engine), mdmSource("masked-arm", engine), mdmSource("arm", engine)];
}
