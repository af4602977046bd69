import { loadFlowGraph } from "../ap-mdm/maxflow/loadFlowGraph.js";
import { maxflowProgram } from "../ap-mdm/maxflow/maxflowProgram.js";
import { randomFlowGraph } from "../ap-mdm/maxflow/randomFlowGraph.js";
import { solveMaxflow } from "../ap-mdm/maxflow/solveMaxflow.js";
import { UserError } from "../errors.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { apMdmTraceViewer } from "../view/apMdmTraceViewer.js";
import { viewerData } from "../view/viewerData.js";
import { viewerPage } from "../view/viewerPage.js";
import { captureOption, DEFAULT_CAPTURE } from "./captureOption.js";
import type { Command } from "./command.js";
import { formatApMdmMeters } from "./formatApMdmMeters.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const maxflowCommand: Command = {
  path: ["maxflow"],
  usage: "maxflow --graph FILE|--random NODES,EDGES,SEED [--json] [--trace FILE] [--html FILE [--capture 0,1|all]]",
  summary: "max-flow / min-cut of a unit-capacity directed graph by the Edmonds–Karp AP-MDM (compiled weights; insert, delete, remask)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      graph: { type: "string" },
      random: { type: "string" },
      json: { type: "boolean", default: false },
      trace: { type: "string" },
      html: { type: "string" },
      capture: { type: "string", default: DEFAULT_CAPTURE },
    });
    if (positionals.length > 0) throw new UserError("cli/options", `unexpected argument '${positionals[0]}'`);
    if ((values.graph === undefined) === (values.random === undefined)) throw new UserError("cli/options", "give exactly one of --graph FILE and --random NODES,EDGES,SEED");
    const capture = captureOption(values.capture);
    const g = values.graph !== undefined ? loadFlowGraph(values.graph) : randomGraph(values.random!);
    const construction = maxflowProgram(g.nodes, g.edges.length);
    const { predictor, model, shape } = compiledPredictor(construction.program);
    const r = solveMaxflow(g, { construction, predictor, trace: values.trace !== undefined || values.html !== undefined });
    const names = construction.vocab.names;
    const title = `max flow ${g.source} → ${g.target} (${g.nodes} nodes, ${g.edges.length} edges): ${r.value}`;
    const task = { title, label: "AP-MDM max-flow", vocab: names, mask: construction.program.maskToken, describe: (i: number) => `canvas ${i}`, model };
    const page = values.html === undefined ? null : viewerPage(viewerData(apMdmTraceViewer(task, r.decode, capture)));
    if (values.trace !== undefined) {
      const steps = r.decode.trace!.canvases.map((c) => Array.from(c));
      writeFileAtomic(values.trace, `${JSON.stringify({ vocab: names, steps, edits: r.decode.trace!.edits })}\n`);
    }
    if (values.html !== undefined && page !== null) writeFileAtomic(values.html, page);
    const m = r.decode.meters;
    if (values.json) {
      const meters = { steps: m.steps, peakContext: m.peakContext, finalContext: m.finalContext, edits: { unmask: m.unmasked, remask: m.remasked, insert: m.inserted, delete: m.deleted }, flops: m.flops };
      io.out(`${JSON.stringify({ graph: g, value: r.value, cut: r.cut, flow: r.flow, meters, model: shape }, null, 2)}\n`);
    } else {
      const arcs = (es: readonly (readonly [number, number])[]) => (es.length === 0 ? "none" : es.map(([u, v]) => `${u}→${v}`).join(", "));
      io.out(
        [
          title,
          `  min cut      ${arcs(r.cut)} (deleted from the canvas)`,
          `  flow on      ${arcs(g.edges.filter((_, i) => r.flow[i] === 1))}`,
          `  decoding     ${formatApMdmMeters(m)}; ${m.flops} FLOPs`,
          `  transformer  ${shape.layers} layers, ${shape.heads} heads, width ${shape.width}, ${shape.params} parameters`,
          "",
        ].join("\n"),
      );
    }
    return 0;
  },
};

function randomGraph(text: string) {
  const parts = parseIntegerList("--random", text);
  if (parts.length !== 3) throw new UserError("cli/options", `--random takes NODES,EDGES,SEED, got '${text}'`);
  return randomFlowGraph(parts[0], parts[1], parts[2]);
}
