import { CELL_KINDS } from "../repl/cellKind.js";
import { cellStyle } from "./cellStyle.js";
import type { ViewerData } from "./viewerData.js";
import { VIEWER_SCRIPT } from "./viewerScript.js";

/**
 * A self-contained HTML page stepping through a decode: no server, no network, the data embedded as JSON
 * (with "<" escaped, so that no value can close the script element).
 */
export function viewerPage(data: ViewerData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const kinds = CELL_KINDS.map((kind) => `.k-${kind} { ${cellStyle(kind)} }`).join("\n");
  const legend = CELL_KINDS.map((kind) => `<span class="cell k-${kind}">${kind}</span>`).join(" ");
  const meters = data.meters.map(([name, value]) => `${name} ${value}`).join(" · ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${data.label}: ${data.title}`)}</title>
<style>
body { background: #1c1c1c; color: #dddddd; font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 1em 2em; }
h1 { font-size: 1.2em; margin: 0 0 0.3em; }
h2 { font-size: 1em; margin: 1em 0 0.3em; color: #aaaaaa; }
.note, .meters { color: #999999; }
.controls { display: flex; gap: 0.8em; align-items: center; margin: 0.8em 0; }
#slider { flex: 1; }
.region { display: flex; flex-wrap: wrap; gap: 0.1em 0.5em; margin: 0.1em 0; }
.label { color: #8c8cd9; min-width: 6em; }
.cell { cursor: pointer; }
.cell.selected { outline: 1px solid #dddddd; }
${kinds}
.changed { color: #3fbf3f; font-weight: bold; }
.forgotten { ${cellStyle("remasked")}; }
table { border-collapse: collapse; }
td, th { padding: 0 0.8em 0 0; text-align: left; }
th { color: #aaaaaa; font-weight: normal; }
tr.zero { color: #666666; }
td.value { text-align: right; }
.columns { display: flex; gap: 3em; align-items: flex-start; }
.memory { display: flex; flex-wrap: wrap; gap: 0.1em 0.6em; margin-top: 0.3em; }
</style>
</head>
<body>
<h1>${escapeHtml(data.label)}: ${escapeHtml(data.title)}</h1>
<div class="meters">${escapeHtml(meters)}</div>
<div class="controls"><button id="prev" type="button">◀</button><input id="slider" type="range" min="0" max="0" value="0"><button id="next" type="button">▶</button><span id="step"></span></div>
<div class="note">← → step, Home / End: first / last step. Colours: ${legend}</div>
<h2>canvas</h2>
<div id="canvas"></div>
<div class="columns">
<div><h2 id="state-heading">PRAM</h2><div id="state"></div></div>
<div><h2>residual stream</h2><div id="residual"></div></div>
</div>
<script type="application/json" id="data">${json}</script>
<script>${VIEWER_SCRIPT}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
