import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Renders a Vega-Lite spec to an SVG string headlessly: compile to Vega, build a view with no renderer
 * (no canvas, no browser), and serialise. Text widths are vega's estimates, so the output depends only
 * on the spec and the pinned vega versions.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
