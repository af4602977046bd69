import { join } from "node:path";
import { constructApMdm } from "../ap-mdm/thm4/constructApMdm.js";
import { UserError } from "../errors.js";
import { compiledPredictor } from "../mdm/compiledPredictor.js";
import { DECODE_MODELS, type DecodeModel } from "../mdm/mdmRun.js";
import { constructMdm } from "../mdm/thm1/constructMdm.js";
import { instantiate } from "../pram/instantiate.js";
import { loadProgram } from "../pram/loadProgram.js";
import type { PramInstance } from "../pram/pramInstance.js";
import { runPram } from "../pram/runPram.js";
import { saveModel } from "../transformer/saveModel.js";
import type { Command } from "./command.js";
import { integerOption } from "./integerOption.js";
import { parseIntegerList } from "./parseIntegerList.js";
import { parseOptions } from "./parseOptions.js";
import { holdInterrupt } from "./holdInterrupt.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

export const compileCommand: Command = {
  path: ["compile"],
  usage: `compile NAME|FILE.pram --n N [--model ${DECODE_MODELS.join("|")}] --out DIR [--input 3,1,4,1]`,
  summary: "compile a PRAM program at input length n to transformer weights (model.safetensors, config.json, labels.json; canvas.json with --input)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      n: { type: "string" },
      model: { type: "string", default: "mdm" },
      out: { type: "string" },
      input: { type: "string" },
    });
    if (positionals.length !== 1) throw new UserError("cli/options", "give exactly one program (a library name or a .pram file)");
    if (values.n === undefined) throw new UserError("cli/options", "--n N is required (the input length the model is built for)");
    if (values.out === undefined) throw new UserError("cli/options", "--out DIR is required");
    const model = values.model as DecodeModel;
    if (!DECODE_MODELS.includes(model)) throw new UserError("cli/options", `--model must be one of ${DECODE_MODELS.join(", ")}, got '${values.model}'`);
    const n = integerOption("--n", values.n, 1);
    const instance = instantiate(loadProgram(positionals[0]), n);
    const input = values.input === undefined ? null : parseIntegerList("--input", values.input);
    if (input !== null && input.length !== n) throw new UserError("cli/input", `--input has ${input.length} values but --n is ${n}`);
    if (input !== null) runPram(instance, input); // a bad input is reported before anything is written
    const built = build(instance, model, input);
    const { model: transformer, shape } = compiledPredictor(built.program);
    holdInterrupt(); // saveModel writes through a temporary directory: a Ctrl-C waits until the model is in place
    saveModel(transformer, values.out);
    if (built.canvas) writeFileAtomic(join(values.out, "canvas.json"), `${JSON.stringify(built.canvas)}\n`);
    io.out(
      `${instance.name} at n = ${n} as ${model}: ${shape.layers} layers, ${shape.heads} heads, width ${shape.width}, ${shape.params} parameters, ` +
        `${transformer.config.vocab.length} tokens → ${values.out}${built.canvas ? " (with canvas.json)" : ""}\n`,
    );
    return 0;
  },
};

/** The E-FASP program for a model, and the initial canvas for an input (token ids, and what each position holds). */
function build(instance: PramInstance, model: DecodeModel, input: readonly number[] | null) {
  if (model === "ap-mdm") {
    const c = constructApMdm(instance);
    const canvas = input && Array.from(c.initial(input));
    return { program: c.program, canvas: canvas && { model, tokens: canvas, positions: canvas.map((_, i) => c.layout.describe(i)) } };
  }
  const c = constructMdm(instance);
  const prefix = input && [c.vocab.bos, ...input.map((v) => c.vocab.value(v))];
  const tokens = prefix && (model === "arm" ? prefix : [...prefix, ...new Array<number>(c.layout.length - prefix.length).fill(c.vocab.mask)]);
  return { program: c.program(model === "arm"), canvas: tokens && { model, tokens, positions: tokens.map((_, i) => c.layout.describe(i)) } };
}
