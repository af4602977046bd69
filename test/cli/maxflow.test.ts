import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kindCounts, pageData } from "../view/pageData.js";
import { cli } from "./bufferIo.js";

const dir = mkdtempSync(join(tmpdir(), "apmdm-maxflow-"));
const graphFile = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("apmdm maxflow", () => {
  it("prints the flow value, the cut, the meters and the model", async () => {
    const r = await cli("maxflow", "--graph", "graphs/diamond.txt");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines.slice(0, 3)).toEqual(["max flow 0 → 3 (4 nodes, 5 edges): 2", "  min cut      0→1, 0→2 (deleted from the canvas)", "  flow on      0→1, 0→2, 1→3, 2→3"]);
    expect(lines[3]).toMatch(/^ {2}decoding {5}21 steps, peak context 22, final 15; edits: 12 unmask, 15 remask, 8 insert, 11 delete; [1-9]\d* FLOPs$/);
    expect(lines[4]).toMatch(/^ {2}transformer {2}\d+ layers, \d+ heads, width \d+, \d+ parameters$/);
  });

  it("--random is seeded; --json and --trace give the run and every canvas", async () => {
    const trace = join(dir, "trace.json");
    const a = JSON.parse((await cli("maxflow", "--random", "7,15,4", "--json", "--trace", trace)).out);
    const b = JSON.parse((await cli("maxflow", "--random", "7,15,4", "--json")).out);
    expect(a).toEqual(b);
    expect(a.graph).toMatchObject({ nodes: 7, source: 0, target: 6 });
    expect(a.graph.edges).toHaveLength(15);
    expect(a.cut).toHaveLength(a.value);
    const t = JSON.parse(readFileSync(trace, "utf8"));
    expect(t.steps).toHaveLength(a.meters.steps + 1);
    expect(t.edits).toHaveLength(a.meters.steps);
    expect(t.vocab[t.steps.at(-1).at(-1)]).toBe(`=${a.value}`);
  });

  it("--html writes the step viewer page: every canvas, each edit in its colour, the residual stream of the captured steps", async () => {
    const html = join(dir, "diamond.html");
    const r = await cli("maxflow", "--graph", "graphs/diamond.txt", "--html", html, "--capture", "0,3");
    expect(r.code, r.err).toBe(0);
    const data = pageData(html);
    expect(data.title).toBe("max flow 0 → 3 (4 nodes, 5 edges): 2");
    expect(data.frames).toHaveLength(22);
    expect(data.pram).toBeNull();
    expect(kindCounts(data)).toMatchObject({ unmasked: 12, remasked: 15, inserted: 8, deleted: 11 });
    expect(Object.keys(data.residual!.frames)).toEqual(["0", "3"]);
  });

  it("rejects a bad graph or bad options with one line, exit 2, and writes no trace", async () => {
    const trace = join(dir, "never.json");
    const cases: [string[], string][] = [
      [["--graph", graphFile("unknown.txt", "nodes 3\nsource 0\ntarget 2\n0 1\n1 5\n")], "unknown.txt:5: unknown node 5 in edge 1 → 5 (the graph has nodes 0 … 2)"],
      [["--graph", graphFile("loop.txt", "nodes 3\nsource 0\ntarget 2\n1 1\n")], "loop.txt:4: self-loop 1 → 1 (a flow network here has none)"],
      [["--graph", graphFile("same.txt", "nodes 3\nsource 1\ntarget 1\n")], "same.txt:3: the target is the source (node 1); they must differ"],
      [["--graph", graphFile("twice.txt", "nodes 3\nsource 0\ntarget 2\n0 1\n\n0 1\n")], "twice.txt:6: edge 0 → 1 repeats"],
      [["--graph", graphFile("word.txt", "nodes 3\nsource 0\ntarget x\n")], "word.txt:3: target 'x' is not a node number (0, 1, 2, …)"],
      [["--graph", graphFile("junk.txt", "nodes 3\n0 1 2\n")], "junk.txt:2: expected 'nodes N', 'source S', 'target T' or an edge 'U V', got '0 1 2'"],
      [["--graph", graphFile("nosource.txt", "nodes 3\ntarget 2\n")], "no 'source' line"],
      [["--graph", join(dir, "missing.txt")], "missing.txt: cannot read the graph: no such file"],
      [["--random", "1,0,0"], "--random 1,0,0: a graph has 2 … 64 nodes, not 1"],
      [["--random", "3,7,0"], "--random 3,7,0: 3 nodes take 0 … 6 edges, not 7"],
      [["--random", "3,2"], "--random takes NODES,EDGES,SEED, got '3,2'"],
      [[], "give exactly one of --graph FILE and --random NODES,EDGES,SEED"],
      [["--graph", "graphs/diamond.txt", "--html", join(dir, "never.html"), "--capture", "-1"], "--capture: step -1 is negative"],
    ];
    for (const [argv, message] of cases) {
      const r = await cli("maxflow", ...argv, "--trace", trace);
      expect({ code: r.code, out: r.out, lines: r.err.split("\n").length }).toEqual({ code: 2, out: "", lines: 2 });
      expect(r.err).toContain(message);
      expect(r.err).toMatch(/^apmdm maxflow: /);
    }
    expect(existsSync(trace)).toBe(false);
    expect(existsSync(join(dir, "never.html"))).toBe(false);
  });
});
