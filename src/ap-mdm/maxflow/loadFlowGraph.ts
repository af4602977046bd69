import { readFileSync } from "node:fs";
import { ApMdmError } from "../ApMdmError.js";
import type { FlowGraph } from "./flowGraph.js";
import { parseFlowGraph } from "./parseFlowGraph.js";

/** Reads and parses a graph file (parseFlowGraph); an unreadable file is a one-line error naming it. */
export function loadFlowGraph(path: string): FlowGraph {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String((e as Error).message);
    throw new ApMdmError("maxflow-graph", `${path}: cannot read the graph: ${reason}`);
  }
  return parseFlowGraph(text, path);
}
