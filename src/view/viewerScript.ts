/**
 * The page's script (plain browser JavaScript, no dependencies). It reads the embedded ViewerData and
 * draws frame k: the canvas by region (the first word of a position's description; runs of regions
 * that are all masked collapse into one line, as in the REPL); beside it the PRAM after the matching
 * parallel step, or the sampled circuit's gates with the bit of each that the canvas holds; and the
 * residual stream of the selected position when frame k was captured. The slider, the
 * buttons and the arrow keys (Home/End too) move k.
 */
export const VIEWER_SCRIPT = String.raw`
"use strict";
const data = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const last = data.frames.length - 1;
let k = 0;
let selected = null;

function cellsOf(frame) {
  const out = [];
  for (let j = 0; j < frame.cells.length; j += 3) out.push({ token: frame.cells[j], kind: data.kinds[frame.cells[j + 1]], position: frame.cells[j + 2] < 0 ? null : frame.cells[j + 2] });
  return out;
}

function drawCanvas() {
  const rows = [];
  let at = 0;
  for (const c of cellsOf(data.frames[k])) {
    if (c.position !== null) at = c.position;
    const region = data.describe[at].split(" ")[0];
    const row = rows[rows.length - 1];
    if (row && row.region === region) { row.cells.push(c); row.allMasked = row.allMasked && c.kind === "masked"; }
    else rows.push({ region, cells: [c], allMasked: c.kind === "masked" });
  }
  const box = $("canvas");
  box.replaceChildren();
  for (let r = 0; r < rows.length; r++) {
    const line = el("div", "region");
    if (rows[r].allMasked) {
      let end = r;
      while (end + 1 < rows.length && rows[end + 1].allMasked) end++;
      const count = rows.slice(r, end + 1).reduce((s, row) => s + row.cells.length, 0);
      line.append(el("span", "label", rows[r].region + (end > r ? "…" + rows[end].region : "")), el("span", "cell k-masked", "all masked (" + count + ")"));
      line.classList.add("collapsed");
      r = end;
    } else {
      line.append(el("span", "label", rows[r].region));
      for (const c of rows[r].cells) {
        const cell = el("span", "cell k-" + c.kind, data.vocab[c.token] ?? "#" + c.token);
        if (c.position !== null) {
          cell.dataset.position = String(c.position);
          cell.title = data.describe[c.position] + " (position " + c.position + ")";
          if (c.position === selected) cell.classList.add("selected");
          cell.addEventListener("click", () => { selected = c.position; draw(); });
        } else cell.title = "deleted in this step";
        line.append(cell);
      }
    }
    box.append(line);
  }
}

function drawState() {
  $("state").replaceChildren();
  if (data.pram) drawPram();
  else if (data.circuit) drawCircuit();
  else { $("state-heading").textContent = "beside the decode"; $("state").append(el("p", "note", "no PRAM or circuit beside this decode")); }
}

function drawCircuit() {
  const c = data.circuit;
  const now = c.frames[k];
  const before = k > 0 ? c.frames[k - 1] : null;
  const bit = (v) => (v < 0 ? "·" : String(v));
  $("state-heading").textContent = c.heading + ": " + now.filter((v) => v >= 0).length + " on the canvas after step " + k;
  const output = el("div", "memory");
  output.append(el("span", "label", "output"), el("span", "output", c.outputs.map((g) => bit(now[g])).join("")));
  const table = el("table", "gates");
  const head = el("tr");
  for (const h of ["gate", "depth", "computes", "bit"]) head.append(el("th", null, h));
  table.append(head);
  c.gates.forEach((g, j) => {
    const was = before ? before[j] : -1;
    const state = now[j] >= 0 && was < 0 && before ? "changed" : now[j] < 0 && was >= 0 ? "forgotten" : "";
    const tr = el("tr");
    tr.dataset.gate = String(j);
    const value = el("td", state, bit(now[j]));
    if (state === "forgotten") value.title = "remasked in this step (it held " + was + ")";
    tr.append(el("td", null, g.name), el("td", null, String(g.depth)), el("td", "code", g.op + (g.inputs.length ? "(" + g.inputs.join(", ") + ")" : "")), value);
    table.append(tr);
  });
  $("state").append(output, table);
}

function drawPram() {
  const box = $("state");
  const t = Math.min(data.frames[k].pramStep, data.pram.frames.length - 1);
  const f = data.pram.frames[t];
  const before = t > 0 ? data.pram.frames[t - 1] : null;
  $("state-heading").textContent = data.pram.heading + ": after step " + t + "/" + (data.pram.frames.length - 1);
  const table = el("table");
  const head = el("tr");
  for (const h of ["pid", "pc", "next instruction", "registers"]) head.append(el("th", null, h));
  table.append(head);
  f.pcs.forEach((pc, pid) => {
    const tr = el("tr");
    const regs = el("td", "registers");
    f.registers[pid].forEach((v, r) => regs.append(el("span", before && before.registers[pid][r] !== v ? "changed" : "", String(v)), " "));
    tr.append(el("td", null, "p" + pid), el("td", null, pc < 0 ? "halt" : "@" + pc), el("td", "code", pc < 0 ? "" : data.pram.code[pc] ?? ""), regs);
    table.append(tr);
  });
  const memory = el("div", "memory");
  memory.append(el("span", "label", "mem"));
  f.memory.forEach((v, a) => memory.append(el("span", f.written.includes(a) ? "changed" : "", a + ":" + v), " "));
  box.append(table, memory);
}

function drawResidual() {
  const box = $("residual");
  box.replaceChildren();
  if (!data.residual) { box.append(el("p", "note", "no residual stream: this decode kept no transformer (it ran over the E-FASP evaluator), or no step was captured")); return; }
  const captured = Object.keys(data.residual.frames).join(", ");
  if (selected === null) { box.append(el("p", "note", "click a canvas position to see its residual stream (captured steps: " + captured + ")")); return; }
  const rows = data.residual.frames[String(k)];
  const heading = "position " + selected + " (" + (data.describe[selected] ?? "?") + ")";
  if (!rows || selected >= rows.length) { box.append(el("p", "note", heading + ": step " + k + " was not captured (captured: " + captured + ")")); return; }
  box.append(el("p", "note", heading + ": residual stream after the last layer of the pass over this canvas"));
  const table = el("table", "residual");
  data.residual.labels.forEach((label, d) => {
    const v = rows[selected][d];
    const tr = el("tr", v === 0 ? "zero" : "");
    tr.append(el("td", null, label), el("td", "value", String(v)));
    table.append(tr);
  });
  box.append(table);
}

function draw() {
  $("slider").value = String(k);
  $("step").textContent = "step " + k + "/" + last;
  drawCanvas();
  drawState();
  drawResidual();
}

function go(to) { k = Math.max(0, Math.min(last, to)); draw(); }
$("slider").max = String(last);
$("slider").addEventListener("input", (e) => go(Number(e.target.value)));
$("prev").addEventListener("click", () => go(k - 1));
$("next").addEventListener("click", () => go(k + 1));
document.addEventListener("keydown", (e) => {
  const to = { ArrowLeft: k - 1, ArrowRight: k + 1, Home: 0, End: last }[e.key];
  if (to !== undefined) { e.preventDefault(); go(to); }
});
draw();
`;
