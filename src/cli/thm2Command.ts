import { UserError } from "../errors.js";
import { loadModel } from "../transformer/loadModel.js";
import { compileThm2 } from "../thm2/compileThm2.js";
import { runThm2, type Thm2Run } from "../thm2/runThm2.js";
import type { Command } from "./command.js";
import { tokenIds } from "./modelRunCommand.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const thm2Command: Command = {
  path: ["thm2"],
  usage: "thm2 DIR --tokens 1,0,0 [--division long|div] [--json] [--out FILE.pram]",
  summary: "Theorem 2: compile a model's MDM decode of a canvas to a one-processor PRAM program, run it, and compare with the model's own decode",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { tokens: { type: "string" }, division: { type: "string", default: "long" }, json: { type: "boolean", default: false }, out: { type: "string" } });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one model directory");
    if (values.tokens === undefined) throw new UserError("cli/options", "--tokens is required: the initial canvas as token ids, e.g. --tokens 1,0,0");
    const division = values.division;
    if (division !== "long" && division !== "div") throw new UserError("cli/options", `--division must be long (shifts and subtraction) or div (the ISA's DIV and MOD), not ${division}`);
    const model = loadModel(positionals[0]);
    const canvas = Int32Array.from(tokenIds(values.tokens, model));
    const program = compileThm2(model, canvas, division);
    if (values.out !== undefined) {
      writeFileAtomic(values.out, program.source);
      writeFileAtomic(`${values.out}.input`, `${program.input.join(",")}\n`);
    }
    const run = runThm2(program, model, canvas);
    const { T, W, S } = run.pram.meters;
    const ratio = T / run.context ** 3;
    if (values.json) {
      const side = (o: Thm2Run["model"]) => ({ end: o.end, steps: o.steps, canvas: o.canvas });
      io.out(
        `${JSON.stringify({
          context: run.context,
          equal: run.equal,
          pram: { ...side(run.pram), divisions: run.pram.divisions, meters: run.pram.meters, wordBits: program.wordBits, division, stepBound: program.stepBound },
          model: side(run.model),
          tOverS3: ratio,
        })}\n`,
      );
    } else {
      const canvasText = (c: readonly number[]) => c.join(",");
      io.out(
        [
          `${positionals[0]}: a canvas of S = ${run.context} tokens, decoded by one PRAM processor (${program.wordBits}-bit words, ${division === "long" ? "long division" : "DIV"}, step bound ${program.stepBound})`,
          `  PRAM(1): ${canvasText(run.pram.canvas)}  (${run.pram.end} after ${run.pram.steps} steps, ${run.pram.divisions} tie divisions)`,
          `  model:   ${canvasText(run.model.canvas)}  (${run.model.end} after ${run.model.steps} steps)`,
          `  ${run.equal ? "equal" : "DIFFERENT"}; PRAM T = ${T}, W = ${W}, S = ${S} memory cells; T / S³ = ${ratio.toPrecision(4)} (S = the context)`,
          ...(values.out !== undefined ? [`  program → ${values.out}, its input → ${values.out}.input`] : []),
          "",
        ].join("\n"),
      );
    }
    return run.equal ? 0 : 1;
  },
};
