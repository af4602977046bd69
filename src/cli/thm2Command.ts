import { UserError } from "../errors.js";
import { loadModel } from "../transformer/loadModel.js";
import { compileThm2 } from "../thm2/compileThm2.js";
import { Thm2Error } from "../thm2/Thm2Error.js";
import { runThm2, type Thm2Run } from "../thm2/runThm2.js";
import type { Command } from "./command.js";
import { integerOption } from "./integerOption.js";
import { tokenIds } from "./modelRunCommand.js";
import { parseOptions } from "./parseOptions.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** The default --max-steps: a declared bound of 10¹⁰ steps runs about 2 minutes on one core. */
const THM2_RUN_STEPS = 1e10;
/** The interpreter's one-processor speed, roughly (npm run bench -- thm2), for the estimate in the refusal. */
const STEPS_PER_SECOND = 5e7;

export const thm2Command: Command = {
  path: ["thm2"],
  usage: "thm2 DIR --tokens 1,0,0 [--division long|div] [--max-steps N] [--json] [--out FILE.pram]",
  summary: "Theorem 2: compile a model's MDM decode of a canvas to a one-processor PRAM program, run it, and compare with the model's own decode",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { tokens: { type: "string" }, division: { type: "string", default: "long" }, "max-steps": { type: "string" }, json: { type: "boolean", default: false }, out: { type: "string" } });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one model directory");
    if (values.tokens === undefined) throw new UserError("cli/options", "--tokens is required: the initial canvas as token ids, e.g. --tokens 1,0,0");
    const division = values.division;
    if (division !== "long" && division !== "div") throw new UserError("cli/options", `--division must be long (shifts and subtraction) or div (the ISA's DIV and MOD), not ${division}`);
    const maxSteps = values["max-steps"] === undefined ? THM2_RUN_STEPS : integerOption("--max-steps", values["max-steps"], 1);
    const model = loadModel(positionals[0]);
    const canvas = Int32Array.from(tokenIds(values.tokens, model));
    const program = compileThm2(model, canvas, division);
    if (program.stepBound > maxSteps) {
      const minutes = program.stepBound / 2 / STEPS_PER_SECOND / 60;
      throw new Thm2Error(
        "too-large",
        `the program declares ${program.stepBound} steps, over --max-steps ${maxSteps} (it would run about ${minutes.toFixed(0)} minutes: T is about half the bound, at ~50 M steps/s); raise --max-steps to run it`,
      );
    }
    const run = runThm2(program, model, canvas);
    if (values.out !== undefined) {
      // after the run, like every command's files: a Ctrl-C while it runs leaves nothing (holdInterrupt)
      writeFileAtomic(values.out, program.source);
      writeFileAtomic(`${values.out}.input`, `${program.input.join(",")}\n`);
    }
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
