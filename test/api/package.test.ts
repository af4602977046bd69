import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type InstalledPackage, installPackage } from "./installedPackage.js";

/** docs/api.md's snippets: each ```ts block and the ```output block right after it. */
function snippets(): { code: string; output: string }[] {
  const doc = readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");
  return Array.from(doc.matchAll(/```ts\n([\s\S]*?)```\s*```output\n([\s\S]*?)```/g), (m) => ({ code: m[1], output: m[2] }));
}

/** A user's module: values and types from every group of the public surface, used so that tsc checks them. */
const CONSUMER = `
import { asm, buildProgram, compile, efasp, instantiate, loadProgram, runPram, simulate, weightsPredictor, decodeMdm,
  arbitraryInstance, arbitraryProgram, proveThm5, UserError, PramError, DECODE_MODELS,
  buildSampler, loadCircuit, compiledPredictor, sampleOnce, buildCircuit, ForwardSession, FORWARD_ENGINES, solveSudoku, readPuzzleFile, SUDOKU_DATA_DIR, sudokuRulesPredictor, CircuitError,
  type DecodeModel, type EfaspProgram, type MdmRun, type PramInstance, type ProofReport, type Transformer, type SampleRun, type Circuit, type ForwardEngine, type SudokuSolve } from "apmdm";
const instance: PramInstance = instantiate(loadProgram("sum"), 4);
const models: readonly DecodeModel[] = DECODE_MODELS;
const run: MdmRun = simulate(instance, [1, 2, 3, 4], { model: "mdm" });
const built = buildProgram({ name: "halt", header: { processors: 1, memory: 1, word: 4, registers: 0, input: [0, 1], output: [0, 1], steps: 1, mode: "EREW" }, code: [asm.HALT()] });
const program: EfaspProgram = { name: "id", vocab: ["M", "a"], maskToken: 0, output: { kind: "code", feature: efasp.constant(1) }, control: null, causal: false };
const model: Transformer = compile(program).model;
const decoded = decodeMdm(weightsPredictor(model), Int32Array.from([0, 1, 0]), "mdm", { maxSteps: 2 });
const report: Promise<ProofReport> = proveThm5({ runs: 1, seed: 1, maxN: 2 });
const sampler = buildSampler(loadCircuit("majority", 3), "ap-mdm");
const sample: SampleRun = sampleOnce(sampler, compiledPredictor(sampler.program).predictor, 1);
const b = buildCircuit("xor");
const circuit: Circuit = b.finish([b.xor(b.rand(), b.rand())]);
const session = new ForwardSession(model);
const engines: readonly ForwardEngine[] = FORWARD_ENGINES;
const puzzle = readPuzzleFile(SUDOKU_DATA_DIR + "public.txt")[0].grid;
const sudoku: SudokuSolve = solveSudoku(puzzle, { predictor: sudokuRulesPredictor });
let caught = "";
try { runPram(instance, [1, 2]); } catch (e) { if (e instanceof PramError && e instanceof UserError) caught = e.code; }
try { loadCircuit("nope", 3); } catch (e) { if (e instanceof CircuitError) caught += " " + e.code; }
console.log(models.length, run.output.join(","), runPram(instantiate(built, 1), [0]).meters.T, decoded.steps, caught, typeof arbitraryInstance.generate, typeof arbitraryProgram.filter, report instanceof Promise);
console.log(sample.output.length, circuit.gates.length, session.run(Int32Array.from([0, 1])).logits.argmax.length, engines.join(","), sudoku.outcome.kind);
`;

describe("the packed package, installed into an empty project", () => {
  let pkg: InstalledPackage;
  beforeAll(() => {
    pkg = installPackage();
    snippets().forEach((s, k) => writeFileSync(join(pkg.dir, `snippet${k + 1}.ts`), s.code));
    writeFileSync(join(pkg.dir, "consumer.ts"), CONSUMER);
    pkg.typecheck();
  }, 300_000); // when a source changed since the last build, installPackage first rebuilds dist: tsc over the whole tree

  it("ships the build, its declarations and the programs; not the sources, tests, benchmarks or source maps", () => {
    const files = execFileSync("tar", ["-tzf", pkg.tarball], { encoding: "utf8" }).trim().split("\n");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/programs/prefix-sums.pram");
    expect(files.filter((f) => /^package\/(src|test)\/|^package\/dist\/bench\/|\.map$/.test(f))).toEqual([]);
  });

  it("imports by name: a module using every group of the surface type-checks and runs", () => {
    expect(pkg.run("consumer")).toBe("4 10 1 1 pram/input circuit/unknown function function true\n4 3 2 incremental,full,dense solved\n");
  });

  it("keeps the internals unexported: a deep import is refused", () => {
    writeFileSync(join(pkg.dir, "deep.mjs"), `import "apmdm/dist/pram/runPram.js";\n`);
    const r = spawnSync(process.execPath, ["deep.mjs"], { cwd: pkg.dir, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  it("docs/api.md: every snippet prints exactly its output block", () => {
    const all = snippets();
    expect(all.length).toBeGreaterThanOrEqual(4);
    all.forEach((s, k) => expect(pkg.run(`snippet${k + 1}`), `snippet ${k + 1}`).toBe(s.output));
  });

  it("installs the apmdm command", () => {
    const out = execFileSync(join(pkg.dir, "node_modules/.bin/apmdm"), ["pram", "run", "prefix-sums", "--input", "3,1,4,1"], { encoding: "utf8" });
    expect(out).toMatch(/3,4,8,9/);
  });
});
