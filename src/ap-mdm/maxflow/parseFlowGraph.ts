import { ApMdmError } from "../ApMdmError.js";
import { checkFlowGraph } from "./checkFlowGraph.js";
import type { FlowGraph } from "./flowGraph.js";

/**
 * Reads a graph file: `nodes N`, `source S`, `target T` (each once, any order) and one edge `U V` per
 * line; `#` starts a comment, blank lines are skipped. Errors name the file and line.
 */
export function parseFlowGraph(text: string, file: string): FlowGraph {
  const header: Partial<Record<"nodes" | "source" | "target", { value: number; line: number }>> = {};
  const edges: [number, number][] = [];
  const edgeLines: number[] = [];
  const fail = (line: number, message: string): never => {
    throw new ApMdmError("maxflow-graph", `${file}:${line}: ${message}`);
  };
  const integer = (word: string, line: number, what: string): number =>
    /^\d+$/.test(word) && Number.isSafeInteger(Number(word)) ? Number(word) : fail(line, `${what} '${word}' is not a node number (0, 1, 2, …)`);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const words = raw.replace(/#.*/, "").trim().split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) return;
    const [first, second] = words;
    if (first === "nodes" || first === "source" || first === "target") {
      if (words.length !== 2) fail(line, `'${first}' takes one number, e.g. '${first} 3'`);
      if (header[first]) fail(line, `'${first}' given twice (first at line ${header[first]!.line})`);
      header[first] = { value: integer(second, line, first === "nodes" ? "node count" : first), line };
    } else if (words.length === 2) {
      edges.push([integer(first, line, "edge endpoint"), integer(second, line, "edge endpoint")]);
      edgeLines.push(line);
    } else {
      fail(line, `expected 'nodes N', 'source S', 'target T' or an edge 'U V', got '${raw.trim()}'`);
    }
  });
  const field = (name: "nodes" | "source" | "target") => header[name] ?? fail(text.split(/\r?\n/).length, `no '${name}' line`);
  const g = { nodes: field("nodes").value, source: field("source").value, target: field("target").value, edges };
  return checkFlowGraph(g, { edge: (i) => `${file}:${edgeLines[i]}`, field: (name) => `${file}:${header[name]!.line}` });
}
