import { readFileSync } from "node:fs";
import type { ViewerData } from "../../src/view/viewerData.js";

/** The ViewerData a written viewer page embeds (its script element #data). */
export function pageData(file: string): ViewerData {
  const html = readFileSync(file, "utf8");
  const m = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error(`${file}: no embedded data`);
  return JSON.parse(m[1]) as ViewerData;
}

/** How many cells of each kind the page's frames show, over the whole decode. */
export function kindCounts(data: ViewerData): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(data.kinds.map((k) => [k, 0]));
  for (const f of data.frames) for (let j = 1; j < f.cells.length; j += 3) counts[data.kinds[f.cells[j]]] += 1;
  return counts;
}
