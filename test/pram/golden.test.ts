import { describe, expect, it } from "vitest";
import { instantiate } from "../../src/pram/instantiate.js";
import { library } from "../../src/pram/library/index.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { PramError } from "../../src/pram/pramError.js";
import { runPram } from "../../src/pram/runPram.js";

/** The one runner of every `# expect:` line in programs/*.pram (style.md, "golden expectations"). */
describe.each(library.map((e) => e.name))("%s: # expect: lines", (name) => {
  const program = loadProgram(name);
  it("has golden examples", () => expect(program.expects.length).toBeGreaterThan(0));
  it.each(program.expects.map((e) => [e.line, e] as const))("line %i", (_, e) => {
    const run = () => runPram(instantiate(program, e.input.length), e.input);
    if (e.result.kind === "error") {
      const kind = e.result.error;
      expect(run).toThrow(expect.objectContaining({ detail: expect.objectContaining({ kind }) }) as unknown as PramError);
      return;
    }
    const r = run();
    expect(r.output).toEqual(e.result.output);
    for (const [meter, value] of Object.entries(e.result.meters)) expect({ meter, value: r.meters[meter as keyof typeof r.meters] }).toEqual({ meter, value });
  });
});
