import { mdmSource } from "./mdmSource.js";
import { pramSource } from "./pramSource.js";
import type { SeriesSource } from "./seriesSource.js";

/** Every process `apmdm plot` measures, in legend order. */
export const seriesSources: readonly SeriesSource[] = [pramSource, mdmSource("mdm"), mdmSource("ap-mdm"), mdmSource("masked-arm"), mdmSource("arm")];
